import { parseHtml as parseDocument } from '../../src/processes/renderer/page/dom/parseHtml';
import { attr, findElement } from '../../src/processes/renderer/page/dom/Dom';
import { PageScripts } from '../../src/processes/renderer/script/PageScripts';
import { ScriptContext } from '../../src/processes/renderer/script/ScriptContext';
import { waitFor } from '../../src/common/waitFor';

function context() {
  const logs: string[] = [];
  const errors: string[] = [];
  const ctx = new ScriptContext('', { console: (level, message) => void logs.push(`${level}: ${message}`) }, (m) =>
    errors.push(m),
  );
  return { ctx, logs, errors };
}

describe('ScriptContext (page and worker scripts)', () => {
  test('scripts cannot reach Node, however they climb', () => {
    const { ctx, logs, errors } = context();
    ctx.run(
      `console.log(typeof process, typeof require, typeof module, typeof globalThis.Buffer);
       try { console.log(typeof this.constructor.constructor('return process')()); } catch (e) { console.log(e instanceof ReferenceError ? 'blocked' : 'escaped'); }
       try { console.log(typeof console.log.constructor('return process')()); } catch (e) { console.log(e instanceof ReferenceError ? 'blocked' : 'escaped'); }
       try { console.log(typeof setTimeout.constructor('return process')()); } catch (e) { console.log(e instanceof ReferenceError ? 'blocked' : 'escaped'); }
       try { console.log(typeof Object.getPrototypeOf(globalThis).constructor.constructor('return process')()); } catch (e) { console.log(e instanceof ReferenceError ? 'blocked' : 'escaped'); }`,
      'escape.js',
    );
    expect(errors).toEqual([]);
    expect(logs).toEqual([
      'info: undefined undefined undefined undefined',
      'info: blocked',
      'info: blocked',
      'info: blocked',
      'info: blocked',
    ]);
  });

  test('an error in a script is reported, not thrown; the context lives on', () => {
    const { ctx, logs, errors } = context();
    ctx.run('throw new Error("boom")', 'bad.js');
    ctx.run('console.warn("still here", {a: 1})', 'good.js');
    expect(errors).toEqual(['bad.js: boom']);
    expect(logs).toEqual(['warn: still here {"a":1}']);
  });

  test('timers fire into the context and can be cleared', async () => {
    const { ctx, logs } = context();
    ctx.run(
      'setTimeout((x) => console.log("fired", x), 5, 42); const t = setTimeout(() => console.log("never"), 5); clearTimeout(t);',
      't.js',
    );
    // A later timer of the same delay fires after both earlier ones would have: once it has, the
    // cleared one had its chance.
    ctx.run('setTimeout(() => console.log("after"), 5);', 'after.js');
    await waitFor(() => logs.includes('info: after'), 'the later timer to fire', 10000);
    expect(logs).toEqual(['info: fired 42', 'info: after']);
    ctx.dispose();
  });
});

describe('PageScripts (the DOM slice and workers)', () => {
  test('textContent changes the document and asks for a repaint; workers resolve against the page', () => {
    const doc = parseDocument(
      '<p id="s">old</p><script>document.getElementById("s").textContent = "new " + ' +
        'document.getElementById("s").textContent; new Worker("w.js").postMessage({n: 1});</script>',
    );
    const started: string[] = [];
    const posted: string[] = [];
    let changed = 0;
    const scripts = new PageScripts(doc, 'https://workers.example/dir/page.html', {
      changed: () => changed++,
      frameRequested: () => undefined,
      console: (level, message) => {
        throw new Error(`unexpected console.${level}: ${message}`);
      },
      startWorker: (url) => {
        started.push(url);
        return { post: (json) => posted.push(json), setFrozen: () => undefined, stop: () => undefined };
      },
    });
    const list = scripts.scripts();
    expect(list).toHaveLength(1);
    scripts.run(list[0].code!, 'inline');
    expect(changed).toBe(1);
    expect(scripts.scripts()).toHaveLength(1);
    const p = (doc.childNodes[0] as any).childNodes[1].childNodes[0];
    expect(p.childNodes[0].value).toBe('new old');
    expect(started).toEqual(['https://workers.example/dir/w.js']);
    expect(posted).toEqual(['{"n":1}']);
  });

  test('only classic scripts run', () => {
    const doc = parseDocument(
      '<script type="module">a</script><script type="text/template">b</script><script src="x.js"></script><script>c</script>',
    );
    const s = new PageScripts(doc, 'https://a.example/', {
      changed: () => undefined,
      frameRequested: () => undefined,
      console: () => undefined,
      startWorker: () => ({ post: () => undefined, setFrozen: () => undefined, stop: () => undefined }),
    });
    expect(s.scripts()).toEqual([{ src: 'x.js' }, { code: 'c' }]);
  });
});

describe('PageScripts DOM API', () => {
  function page(html: string) {
    const doc = parseDocument(html);
    const logs: string[] = [];
    let changed = 0;
    let frames = 0;
    const scripts = new PageScripts(doc, 'https://a.example/', {
      changed: () => changed++,
      frameRequested: () => frames++,
      console: (level, message) => logs.push(`${level}: ${message}`),
      startWorker: () => ({ post: () => undefined, setFrozen: () => undefined, stop: () => undefined }),
    });
    const find = (id: string) => findElement(doc, (e) => attr(e, 'id') === id)!;
    return { doc, scripts, logs, find, changed: () => changed, frames: () => frames };
  }

  test('querySelector, classList, style and innerHTML change the real document tree', () => {
    const p = page('<div id="d" class="a"><p class="x">one</p><p class="x">two</p></div>');
    p.scripts.run(
      `const d = document.querySelector('#d');
       console.log(document.querySelectorAll('div > p.x').length, d.querySelector('.x').textContent, d.tagName);
       d.classList.add('b'); d.classList.remove('a'); console.log(d.classList.contains('b'), d.classList.toggle('c'));
       d.style.backgroundColor = 'red'; d.style.width = '10px'; console.log(d.style.backgroundColor);
       d.querySelector('p').innerHTML = '<b id="n">new</b>';
       console.log(document.getElementById('n').parentElement.tagName, document.querySelector('p') === document.querySelector('.x'));`,
      'dom.js',
    );
    expect(p.logs).toEqual(['info: 2 one DIV', 'info: true true', 'info: red', 'info: P true']);
    expect(attr(p.find('d'), 'class')).toBe('b c');
    expect(attr(p.find('d'), 'style')).toBe('background-color: red; width: 10px');
    expect(p.changed()).toBeGreaterThan(0);
    p.scripts.dispose();
  });

  test('events bubble from the target to the window; preventDefault is reported; a throwing listener is logged, the next still runs', () => {
    const p = page(`<div id="outer"><button id="b" onclick="console.log('inline', event.type)">x</button></div>`);
    p.scripts.run(
      `document.getElementById('b').addEventListener('click', () => { throw new Error('listener broke'); });
       document.getElementById('outer').addEventListener('click', (e) => console.log('outer saw', e.target.id, e.clientX));
       window.addEventListener('wheel', (e) => { if (e.deltaY > 100) e.preventDefault(); });`,
      'events.js',
    );
    expect(p.scripts.dispatch(p.find('b'), { type: 'click', clientX: 5, clientY: 6 })).toBe(false);
    expect(p.logs).toEqual(['error: Uncaught listener broke', 'info: inline click', 'info: outer saw b 5']);
    expect(p.scripts.listening.has('wheel')).toBe(true);
    expect(p.scripts.dispatch(p.find('b'), { type: 'wheel', clientX: 0, clientY: 0, deltaX: 0, deltaY: 500 })).toBe(
      true,
    );
    expect(p.scripts.dispatch(p.find('b'), { type: 'wheel', clientX: 0, clientY: 0, deltaX: 0, deltaY: 5 })).toBe(
      false,
    );
  });

  test('requestAnimationFrame asks the host for a frame and runs once per frame', () => {
    const p = page('<p>x</p>');
    p.scripts.run(
      'let n = 0; const f = (t) => { n++; console.log("frame", n, typeof t); if (n < 2) ' +
        'requestAnimationFrame(f); }; requestAnimationFrame(f);',
      'raf.js',
    );
    expect(p.frames()).toBe(1);
    p.scripts.animationFrame(16);
    p.scripts.animationFrame(32);
    p.scripts.animationFrame(48);
    expect(p.logs).toEqual(['info: frame 1 number', 'info: frame 2 number']);
  });
});
