const Y = require('yoga-layout/sync'); const Yoga = Y.default;
function run(depth, measure) {
    const root = Yoga.Node.create(); let n = root;
    for (let i = 0; i < depth; i++) { const c = Yoga.Node.create(); n.insertChild(c, 0); n = c; }
    if (measure) n.setMeasureFunc(() => ({ width: 10, height: 10 }));
    root.calculateLayout(500, undefined, Y.Direction.LTR);
    const h = root.getComputedHeight();
    root.freeRecursive(); return h;
}
for (const d of [150, 170, 190]) { try { console.log(d, run(d, true)); } catch (e) { console.log(d, 'FAIL'); } }
try { console.log('after', run(100, true)); } catch (e) { console.log('after FAIL', e.message); }
for (const d of [150, 190, 300]) { try { console.log('nomeasure', d, run(d, false)); } catch (e) { console.log(d, 'FAIL'); } }
