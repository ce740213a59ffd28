const Y = require('yoga-layout/sync'); const Yoga = Y.default;
for (const depth of [128, 200, 256, 300, 400]) {
  try {
    const root = Yoga.Node.create(); let n = root;
    for (let i = 0; i < depth; i++) { const c = Yoga.Node.create(); n.insertChild(c, 0); n = c; }
    n.setMeasureFunc(() => ({ width: 10, height: 10 }));
    root.calculateLayout(500, undefined, Y.Direction.LTR);
    root.freeRecursive();
    console.log(depth, 'ok');
  } catch (e) { console.log(depth, 'FAIL', e.message); break; }
}
