import { parseHtml as parseDocument } from '../../src/processes/renderer/page/dom/parseHtml';
import { PageScripts } from '../../src/processes/renderer/script/PageScripts';
import { ScriptContext } from '../../src/processes/renderer/script/ScriptContext';

function context() {
  const logs: string[] = [];
  const errors: string[] = [];
  const ctx = new ScriptContext('', { console: (level, message) => void logs.push(`${level}: ${message}`) }, (m) => errors.push(m));
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
    expect(logs).toEqual(['info: undefined undefined undefined undefined', 'info: blocked', 'info: blocked', 'info: blocked', 'info: blocked']);
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
    ctx.run('setTimeout((x) => console.log("fired", x), 5, 42); const t = setTimeout(() => console.log("never"), 5); clearTimeout(t);', 't.js');
    await new Promise((r) => setTimeout(r, 50));
    expect(logs).toEqual(['info: fired 42']);
    ctx.dispose();
  });
});

describe('PageScripts (the DOM slice and workers)', () => {
  test('textContent changes the document and asks for a repaint; workers resolve against the page', () => {
    const doc = parseDocument('<p id="s">old</p><script>document.getElementById("s").textContent = "new " + document.getElementById("s").textContent; new Worker("w.js").postMessage({n: 1});</script>');
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
        return { post: (json) => posted.push(json), stop: () => undefined };
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
    const doc = parseDocument('<script type="module">a</script><script type="text/template">b</script><script src="x.js"></script><script>c</script>');
    const s = new PageScripts(doc, 'https://a.example/', { changed: () => undefined, frameRequested: () => undefined, console: () => undefined, startWorker: () => ({ post: () => undefined, stop: () => undefined }) });
    expect(s.scripts()).toEqual([{ src: 'x.js' }, { code: 'c' }]);
  });
});
