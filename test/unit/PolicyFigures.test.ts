import { policyFigures } from '../../src/browser/PolicyFigures';

const hang = (ms: number) => policyFigures(ms).find((f) => f.name === 'Hung renderer delay')!;

describe('policyFigures: Minium beside Chromium', () => {
  test("the hang delay by default is Chromium's 15 s, with nothing to explain", () => {
    expect(hang(15_000)).toEqual({
      name: 'Hung renderer delay',
      minium: '15 s',
      chromium: expect.stringMatching(/^15 s \(kHungRendererDelay/),
    });
  });

  test('the short demo setting says it differs, and why', () => {
    expect(hang(5_000)).toMatchObject({ minium: '5 s', differs: expect.stringMatching(/--short-hang/) });
  });

  test('every figure that differs from Chromium’s says why', () => {
    for (const f of policyFigures(15_000))
      if (f.minium !== f.chromium.split(' (')[0]) expect(f.differs ?? `${f.name}: no reason`).not.toMatch(/no reason/);
  });
});
