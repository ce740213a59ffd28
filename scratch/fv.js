var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));

// ../../tmp/scratch/fv.ts
var import_canvas3 = require("@napi-rs/canvas");

// src/processes/renderer/page/Fonts.ts
var path2 = __toESM(require("node:path"));
var import_canvas = require("@napi-rs/canvas");

// src/platform/paths.ts
var fs = __toESM(require("node:fs"));
var path = __toESM(require("node:path"));
function findAppRoot(start) {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, "package.json")) && fs.existsSync(path.join(dir, "assets"))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`Cannot find Minium's folder (package.json and assets/) above ${start}`);
  }
}
var APP_ROOT = findAppRoot(__dirname);
var SRC_ROOT = path.resolve(__dirname, "..");
var ASSETS_DIR = path.join(APP_ROOT, "assets");
var UI_DIR = path.join(APP_ROOT, "renderer");
function unpackedPath(p2) {
  const unpacked = p2.replace(`app.asar${path.sep}`, `app.asar.unpacked${path.sep}`);
  return unpacked !== p2 && fs.existsSync(unpacked) ? unpacked : p2;
}

// src/processes/renderer/page/Fonts.ts
var FONT_FAMILY = "Minium Sans";
var MONO_FAMILY = "Minium Mono";
var FILES = {
  [FONT_FAMILY]: ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf", "DejaVuSans-BoldOblique.ttf"],
  [MONO_FAMILY]: ["DejaVuSansMono.ttf", "DejaVuSansMono-Bold.ttf"]
};
var registered = false;
function registerFonts() {
  if (registered) return;
  for (const [family, files] of Object.entries(FILES)) {
    for (const file of files) import_canvas.GlobalFonts.registerFromPath(unpackedPath(path2.join(ASSETS_DIR, "fonts", file)), family);
  }
  registered = true;
}

// src/processes/renderer/page/dom/parseHtml.ts
var import_parse5 = require("parse5");

// src/processes/renderer/page/NestingGuard.ts
var MAX_NESTING_DEPTH = 4096;
var NO_DEPTH = /* @__PURE__ */ new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "p", "li", "dt", "dd", "option", "tr", "td", "th"]);
function nestingDepth(html2) {
  let depth = 0;
  let max = 0;
  const tag = /<(\/?)([a-zA-Z][\w-]*)[^>]*?(\/?)>/g;
  for (let m = tag.exec(html2); m; m = tag.exec(html2)) {
    const name = m[2].toLowerCase();
    if (NO_DEPTH.has(name) || m[3]) continue;
    if (m[1]) depth = Math.max(0, depth - 1);
    else max = Math.max(max, ++depth);
  }
  return max;
}
function assertBuildable(html2) {
  const depth = nestingDepth(html2);
  if (depth > MAX_NESTING_DEPTH) {
    throw new Error(`The page nests elements ${depth} levels deep; Minium builds documents of at most ${MAX_NESTING_DEPTH} levels (Blink stops nesting at 512).`);
  }
}

// src/processes/renderer/page/dom/parseHtml.ts
function parseHtml(html2) {
  assertBuildable(html2);
  return (0, import_parse5.parse)(html2);
}

// src/processes/renderer/page/dom/Dom.ts
function isElement(n) {
  return !!n && "tagName" in n;
}
function isText(n) {
  return n.nodeName === "#text";
}
function attr(el, name) {
  return el.attrs.find((a) => a.name === name)?.value;
}
function classesOf(el) {
  const c2 = attr(el, "class");
  return c2 ? c2.split(/\s+/).filter(Boolean) : [];
}
function parentElement(el) {
  const p2 = el.parentNode;
  return isElement(p2) ? p2 : null;
}
function elementSiblings(el) {
  const p2 = el.parentNode;
  return p2 ? p2.childNodes.filter(isElement) : [el];
}
function* elements(root) {
  const stack = [...root.childNodes].reverse();
  while (stack.length) {
    const n = stack.pop();
    if (!isElement(n)) continue;
    yield n;
    const kids = n.tagName === "template" ? [] : n.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
  }
}
function findElement(root, test) {
  for (const el of elements(root)) if (test(el)) return el;
  return void 0;
}
function textContent(n, limit = Infinity) {
  let out = "";
  const stack = [n];
  while (stack.length && out.length < limit) {
    const c2 = stack.pop();
    if (isText(c2)) out += c2.value;
    else if ("childNodes" in c2) for (let i = c2.childNodes.length - 1; i >= 0; i--) stack.push(c2.childNodes[i]);
  }
  return out;
}

// src/processes/renderer/page/css/ComputedStyle.ts
var INHERITED = ["color", "fontSize", "bold", "italic", "monospace", "lineHeight", "textAlign", "whiteSpace", "textDecoration", "visibility", "listStyle"];
function initialStyle() {
  const zero = { px: 0 };
  return {
    display: "inline",
    position: "static",
    inset: ["auto", "auto", "auto", "auto"],
    color: "#000000",
    backgroundColor: null,
    backgroundImage: null,
    fontSize: 16,
    bold: false,
    italic: false,
    monospace: false,
    lineHeight: null,
    textAlign: "left",
    whiteSpace: "normal",
    textDecoration: "none",
    visibility: "visible",
    listStyle: "disc",
    width: "auto",
    height: "auto",
    minWidth: "auto",
    minHeight: "auto",
    maxWidth: "auto",
    maxHeight: "auto",
    boxSizing: "content-box",
    margin: [zero, zero, zero, zero],
    padding: [zero, zero, zero, zero],
    borderWidth: [0, 0, 0, 0],
    borderColor: ["#000000", "#000000", "#000000", "#000000"],
    borderRadius: 0,
    flexDirection: "row",
    flexWrap: "nowrap",
    justifyContent: "flex-start",
    alignItems: "stretch",
    alignSelf: "auto",
    flexGrow: 0,
    flexShrink: 1,
    flexBasis: "auto",
    rowGap: 0,
    columnGap: 0,
    overflow: "visible",
    transform: [],
    opacity: 1,
    animation: null,
    willChange: false
  };
}
function inheritFrom(parent) {
  const s = initialStyle();
  if (!parent) return s;
  for (const k of INHERITED) s[k] = parent[k];
  return s;
}
function fontOf(s) {
  return `${s.italic ? "italic " : ""}${s.bold ? "bold " : ""}${s.fontSize}px "${s.monospace ? "Minium Mono" : "Minium Sans"}"`;
}
function lineHeightOf(s) {
  return s.lineHeight ?? Math.round(s.fontSize * 1.25);
}

// src/processes/renderer/page/css/Selectors.ts
var NEVER = /* @__PURE__ */ new Set(["hover", "active", "focus", "focus-visible", "focus-within", "visited", "target", "checked", "disabled"]);
var IDENT = /^-?[_a-zA-Z][\w-]*/;
function parseSelectorList(text) {
  const out = [];
  for (const part of text.split(",")) {
    const s = parseSelector(part.trim());
    if (!s) return null;
    out.push(s);
  }
  return out.length ? out : null;
}
function parseSelector(text) {
  if (!text || text.length > 1e3) return null;
  const compounds = [];
  const combinators = [];
  let s = text;
  let pending = null;
  while (s.length) {
    const ws = /^\s+/.exec(s);
    if (ws) {
      s = s.slice(ws[0].length);
      if (compounds.length && !pending) pending = " ";
      continue;
    }
    const comb = /^[>+~]/.exec(s);
    if (comb) {
      if (!compounds.length || pending && pending !== " ") return null;
      pending = comb[0];
      s = s.slice(1);
      continue;
    }
    const parsed = parseCompound(s);
    if (!parsed) return null;
    if (compounds.length) combinators.push(pending ?? " ");
    pending = null;
    compounds.push(parsed.compound);
    s = parsed.rest;
  }
  if (!compounds.length || pending && pending !== " ") return null;
  let a = 0;
  let b = 0;
  let c2 = 0;
  for (const p2 of compounds) {
    if (p2.id) a++;
    b += p2.classes.length + p2.attrs.length + p2.pseudo.length;
    if (p2.tag) c2++;
  }
  return { parts: compounds.reverse(), combinators: combinators.reverse(), specificity: a * 1e4 + b * 100 + c2, text };
}
function parseCompound(input) {
  const c2 = { tag: null, id: null, classes: [], attrs: [], pseudo: [] };
  let s = input;
  let any = false;
  if (s.startsWith("*")) {
    s = s.slice(1);
    any = true;
  } else {
    const m = IDENT.exec(s);
    if (m) {
      c2.tag = m[0].toLowerCase();
      s = s.slice(m[0].length);
      any = true;
    }
  }
  for (; ; ) {
    let m;
    if (m = /^#(-?[_a-zA-Z0-9][\w-]*)/.exec(s)) c2.id = m[1];
    else if (m = /^\.(-?[_a-zA-Z][\w-]*)/.exec(s)) c2.classes.push(m[1]);
    else if (m = /^\[\s*([\w-]+)\s*(?:=\s*(?:"([^"]*)"|'([^']*)'|([\w-]+))\s*)?\]/.exec(s)) {
      c2.attrs.push({ name: m[1].toLowerCase(), value: m[2] ?? m[3] ?? m[4] ?? null });
    } else if (m = /^:([\w-]+)/.exec(s)) {
      const name = m[1].toLowerCase();
      if (name === "first-child" || name === "last-child") c2.pseudo.push(name);
      else if (NEVER.has(name)) c2.pseudo.push("never");
      else return null;
    } else break;
    s = s.slice(m[0].length);
    any = true;
  }
  return any ? { compound: c2, rest: s } : null;
}
function matchesCompound(el, c2) {
  if (c2.tag && c2.tag !== el.tagName) return false;
  if (c2.id !== null && attr(el, "id") !== c2.id) return false;
  if (c2.classes.length) {
    const have = classesOf(el);
    if (!c2.classes.every((k) => have.includes(k))) return false;
  }
  for (const a of c2.attrs) {
    const v = attr(el, a.name);
    if (v === void 0 || a.value !== null && v !== a.value) return false;
  }
  for (const p2 of c2.pseudo) {
    if (p2 === "never") return false;
    const sibs = elementSiblings(el);
    if (p2 === "first-child" && sibs[0] !== el) return false;
    if (p2 === "last-child" && sibs[sibs.length - 1] !== el) return false;
  }
  return true;
}
function matches(el, sel) {
  return matchFrom(el, sel, 0);
}
function matchFrom(el, sel, i) {
  if (!matchesCompound(el, sel.parts[i])) return false;
  if (i === sel.parts.length - 1) return true;
  const comb = sel.combinators[i];
  if (comb === ">") {
    const p2 = parentElement(el);
    return !!p2 && matchFrom(p2, sel, i + 1);
  }
  if (comb === " ") {
    for (let p2 = parentElement(el); p2; p2 = parentElement(p2)) if (matchFrom(p2, sel, i + 1)) return true;
    return false;
  }
  const sibs = elementSiblings(el);
  const at = sibs.indexOf(el);
  if (comb === "+") return at > 0 && matchFrom(sibs[at - 1], sel, i + 1);
  for (let k = at - 1; k >= 0; k--) if (matchFrom(sibs[k], sel, i + 1)) return true;
  return false;
}
function bucketKey(sel) {
  const subject = sel.parts[0];
  if (subject.id) return `#${subject.id}`;
  if (subject.classes.length) return `.${subject.classes[0]}`;
  if (subject.tag) return subject.tag;
  return "*";
}

// src/processes/renderer/page/css/CssParser.ts
var MAX_SHEET_CHARS = 2e6;
function parseStyleSheet(text, firstOrder = 0) {
  const sheet = { rules: [], keyframes: /* @__PURE__ */ new Map() };
  const css = stripComments(text.slice(0, MAX_SHEET_CHARS));
  let i = 0;
  let order = firstOrder;
  while (i < css.length) {
    const open = findOutside(css, "{", i);
    if (open < 0) break;
    const semi = findOutside(css, ";", i);
    if (css.slice(i).trimStart().startsWith("@") && semi >= 0 && semi < open) {
      i = semi + 1;
      continue;
    }
    const prelude = css.slice(i, open).trim();
    const close = matchingBrace(css, open);
    const body = css.slice(open + 1, close < 0 ? css.length : close);
    i = close < 0 ? css.length : close + 1;
    if (prelude.startsWith("@")) {
      const m = /^@(-webkit-)?keyframes\s+([\w-]+)/i.exec(prelude);
      if (m) sheet.keyframes.set(m[2], parseKeyframes(body));
      continue;
    }
    const selectors = parseSelectorList(prelude);
    if (!selectors) continue;
    sheet.rules.push({ selectors, declarations: parseDeclarations(body), order: order++ });
  }
  return sheet;
}
function parseDeclarations(text) {
  const out = [];
  for (const part of splitOutside(stripComments(text), ";")) {
    const colon = part.indexOf(":");
    if (colon <= 0) continue;
    const property = part.slice(0, colon).trim().toLowerCase();
    let value = part.slice(colon + 1).trim();
    if (!/^-?[a-z][a-z-]*$/.test(property) || !value) continue;
    const important = /!\s*important$/i.test(value);
    if (important) value = value.replace(/!\s*important$/i, "").trim();
    out.push({ property, value, important });
  }
  return out;
}
function parseKeyframes(body) {
  const frames = [];
  let i = 0;
  while (i < body.length) {
    const open = body.indexOf("{", i);
    if (open < 0) break;
    const close = matchingBrace(body, open);
    const declarations = parseDeclarations(body.slice(open + 1, close < 0 ? body.length : close));
    for (const sel of body.slice(i, open).split(",")) {
      const s = sel.trim().toLowerCase();
      const offset = s === "from" ? 0 : s === "to" ? 1 : /^\d+(\.\d+)?%$/.test(s) ? Number(s.slice(0, -1)) / 100 : NaN;
      if (offset >= 0 && offset <= 1) frames.push({ offset, declarations });
    }
    i = close < 0 ? body.length : close + 1;
  }
  return frames.sort((a, b) => a.offset - b.offset);
}
function stripComments(s) {
  return s.replace(/\/\*[\s\S]*?(\*\/|$)/g, " ");
}
function matchingBrace(s, open) {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    const c2 = s[i];
    if (c2 === '"' || c2 === "'") i = endOfString(s, i);
    else if (c2 === "{") depth++;
    else if (c2 === "}" && --depth === 0) return i;
  }
  return -1;
}
function findOutside(s, ch, from) {
  for (let i = from; i < s.length; i++) {
    const c2 = s[i];
    if (c2 === '"' || c2 === "'") i = endOfString(s, i);
    else if (c2 === ch) return i;
  }
  return -1;
}
function endOfString(s, start) {
  const end = s.indexOf(s[start], start + 1);
  return end < 0 ? s.length : end;
}
function splitOutside(s, sep2) {
  const parts = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c2 = s[i];
    if (c2 === '"' || c2 === "'") i = endOfString(s, i);
    else if (c2 === "(") depth++;
    else if (c2 === ")") depth = Math.max(0, depth - 1);
    else if (c2 === sep2 && depth === 0) {
      parts.push(s.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(s.slice(start));
  return parts;
}

// src/processes/renderer/page/css/Values.ts
var import_canvas2 = require("@napi-rs/canvas");
var MAX_LENGTH = 1e5;
function parseLength(value, ctx, allowAuto = true) {
  const v = value.trim().toLowerCase();
  if (v === "auto") return allowAuto ? "auto" : null;
  if (v === "0") return { px: 0 };
  const m = /^(-?\d*\.?\d+)(px|em|rem|%|vw|vh|pt)$/.exec(v);
  if (!m) return null;
  const n = Number(m[1]);
  const px = { px: n, em: n * ctx.fontSize, rem: n * ctx.rootFontSize, vw: n * ctx.viewport.w / 100, vh: n * ctx.viewport.h / 100, pt: n * 4 / 3 }[m[2]];
  if (m[2] === "%") return Math.abs(n) <= 1e4 ? { pct: n } : null;
  return Math.abs(px) <= MAX_LENGTH ? { px } : null;
}
function resolveLength(l, base, auto = 0) {
  if (l === "auto") return auto;
  return "px" in l ? l.px : (base ?? 0) * l.pct / 100;
}
var probe = null;
function parseColor(value) {
  const v = value.trim();
  if (!v || v.length > 100 || /^(inherit|initial|unset|currentcolor)$/i.test(v)) return null;
  probe ??= (0, import_canvas2.createCanvas)(1, 1).getContext("2d");
  probe.fillStyle = "#010203";
  probe.fillStyle = v;
  const got = String(probe.fillStyle);
  if (got !== "#010203") return got;
  return /^#010203$/i.test(v) || /^rgba?\(\s*1\s*,\s*2\s*,\s*3\s*(,\s*1\s*)?\)$/i.test(v) ? got : null;
}
var SIDES = { top: 0, right: 90, bottom: 180, left: 270, "top right": 45, "right top": 45, "bottom right": 135, "right bottom": 135, "bottom left": 225, "left bottom": 225, "top left": 315, "left top": 315 };
function parseGradient(value) {
  const m = /^(linear|radial)-gradient\((.*)\)$/is.exec(value.trim());
  if (!m) return null;
  const args = splitOutside(m[2], ",").map((a) => a.trim());
  let angleDeg = 180;
  let circle = false;
  if (m[1] === "linear") {
    const a = parseAngle(args[0]);
    const side = /^to\s+(.+)$/i.exec(args[0]);
    if (a !== null) angleDeg = a * (180 / Math.PI);
    else if (side && SIDES[side[1].toLowerCase().replace(/\s+/g, " ")] !== void 0) angleDeg = SIDES[side[1].toLowerCase().replace(/\s+/g, " ")];
    if (a !== null || side) args.shift();
  } else if (/^(circle|ellipse)\b|^at\s/i.test(args[0])) {
    circle = /^circle/i.test(args.shift());
  }
  const stops = [];
  for (const arg of args) {
    const sm = /^(.*?)(?:\s+(-?\d*\.?\d+)%)?$/.exec(arg);
    const color = parseColor(sm[1]);
    if (!color) return null;
    stops.push({ color, at: sm[2] === void 0 ? null : Math.max(0, Math.min(1, Number(sm[2]) / 100)) });
  }
  if (stops.length < 2) return null;
  return m[1] === "linear" ? { kind: "linear", angleDeg, stops } : { kind: "radial", circle, stops };
}
function parseAngle(v) {
  const m = v ? /^(-?\d*\.?\d+)(deg|rad|turn|grad)$/i.exec(v.trim()) : null;
  if (!m) return v?.trim() === "0" ? 0 : null;
  const n = Number(m[1]);
  return { deg: n * Math.PI / 180, rad: n, turn: n * 2 * Math.PI, grad: n * Math.PI / 200 }[m[2].toLowerCase()];
}
function parseTransform(value, ctx) {
  const v = value.trim();
  if (v === "none") return [];
  const out = [];
  const re = /([a-zA-Z]+)\(([^)]*)\)\s*/g;
  let consumed = 0;
  for (let m = re.exec(v); m; m = re.exec(v)) {
    if (m.index !== consumed) return null;
    consumed = re.lastIndex;
    const name = m[1].toLowerCase();
    const args = m[2].split(",").map((a) => a.trim());
    const len = (a) => a === void 0 ? { px: 0 } : parseLength(a, ctx, false);
    const num = (a) => a !== void 0 && /^-?\d*\.?\d+$/.test(a) ? Number(a) : null;
    let fn = null;
    if (name === "translate" || name === "translatex" || name === "translatey") {
      const x = name === "translatey" ? { px: 0 } : len(args[0]);
      const y = name === "translate" ? len(args[1]) : name === "translatey" ? len(args[0]) : { px: 0 };
      if (x && y) fn = { fn: "translate", x, y };
    } else if (name === "rotate") {
      const a = parseAngle(args[0]);
      if (a !== null) fn = { fn: "rotate", rad: a };
    } else if (name === "scale" || name === "scalex" || name === "scaley") {
      const x = num(args[0]);
      const y = name === "scale" ? args[1] === void 0 ? x : num(args[1]) : x;
      if (x !== null && y !== null) fn = { fn: "scale", x: name === "scaley" ? 1 : x, y: name === "scalex" ? 1 : y };
    } else if (name === "skew" || name === "skewx" || name === "skewy") {
      const a = parseAngle(args[0]);
      const b = name === "skew" ? args[1] === void 0 ? 0 : parseAngle(args[1]) : 0;
      if (a !== null && b !== null) fn = { fn: "skew", x: name === "skewy" ? 0 : a, y: name === "skewy" ? a : b };
    } else if (name === "matrix") {
      const ns = args.map(num);
      if (ns.length === 6 && ns.every((n) => n !== null)) fn = { fn: "matrix", m: ns };
    }
    if (!fn) return null;
    out.push(fn);
  }
  return consumed === v.length && out.length ? out : null;
}
var EASINGS = {
  linear: "linear",
  ease: [0.25, 0.1, 0.25, 1],
  "ease-in": [0.42, 0, 1, 1],
  "ease-out": [0, 0, 0.58, 1],
  "ease-in-out": [0.42, 0, 0.58, 1]
};
function parseAnimation(value) {
  const first = splitOutside(value, ",")[0].trim();
  const spec = { name: "", durationMs: 0, delayMs: 0, easing: EASINGS.ease, iterations: 1, direction: "normal", fill: "none" };
  let times = 0;
  for (const token of first.match(/[\w-]+\([^)]*\)|[^\s]+/g) ?? []) {
    const t2 = token.toLowerCase();
    const time = /^(-?\d*\.?\d+)(ms|s)$/.exec(t2);
    if (time) {
      const ms = Number(time[1]) * (time[2] === "s" ? 1e3 : 1);
      if (times++ === 0) spec.durationMs = ms;
      else spec.delayMs = ms;
    } else if (EASINGS[t2]) spec.easing = EASINGS[t2];
    else if (/^cubic-bezier\(/.test(t2)) {
      const ns = t2.slice(13, -1).split(",").map(Number);
      if (ns.length !== 4 || ns.some((n) => !Number.isFinite(n))) return null;
      spec.easing = ns;
    } else if (/^steps\(\s*\d+/.test(t2)) spec.easing = { steps: Math.max(1, parseInt(t2.slice(6), 10)) };
    else if (t2 === "infinite") spec.iterations = Infinity;
    else if (/^\d*\.?\d+$/.test(t2)) spec.iterations = Number(t2);
    else if (t2 === "normal" || t2 === "reverse" || t2 === "alternate" || t2 === "alternate-reverse") spec.direction = t2;
    else if (t2 === "forwards" || t2 === "backwards" || t2 === "both") spec.fill = t2;
    else if (t2 === "none" && !spec.name) return null;
    else if (t2 === "running" || t2 === "paused") continue;
    else if (/^-?[_a-z][\w-]*$/i.test(token)) spec.name = token;
    else return null;
  }
  if (!spec.name || spec.durationMs <= 0 || spec.durationMs > 36e5) return null;
  return spec;
}

// src/processes/renderer/page/css/properties.ts
var EDGES = ["top", "right", "bottom", "left"];
var FONT_SIZES = { "xx-small": 9, "x-small": 10, small: 13, medium: 16, large: 18, "x-large": 24, "xx-large": 32 };
function oneOf(v, options) {
  const l = v.toLowerCase();
  return options.includes(l) ? l : null;
}
function keyword(key, options) {
  return (s, v) => {
    const k = oneOf(v, options);
    if (k !== null) s[key] = k;
  };
}
function length(key, allowAuto = true, nonNegative = true) {
  return (s, v, ctx) => {
    const l = parseLength(v, ctx, allowAuto);
    if (l && !(nonNegative && l !== "auto" && ("px" in l ? l.px : l.pct) < 0)) s[key] = l;
  };
}
function fourSides(values) {
  const [a, b = a, c2 = a, d = b] = values;
  return values.length >= 1 && values.length <= 4 ? [a, b, c2, d] : null;
}
function edges(key) {
  return (s, v, ctx) => {
    const parts = v.split(/\s+/).map((p2) => parseLength(p2, ctx, key === "margin"));
    if (parts.some((p2) => p2 === null || key === "padding" && p2 !== "auto" && ("px" in p2 ? p2.px : p2.pct) < 0)) return;
    const four = fourSides(parts);
    if (four) s[key] = four;
  };
}
function edge(key, i) {
  return (s, v, ctx) => {
    const l = parseLength(v, ctx, key !== "padding");
    if (l) s[key][i] = l;
  };
}
function borderWidth(v, ctx) {
  const named = { thin: 1, medium: 3, thick: 5 }[v.toLowerCase()];
  if (named) return named;
  const l = parseLength(v, ctx, false);
  return l && "px" in l && l.px >= 0 ? l.px : null;
}
function border(sides) {
  return (s, v, ctx) => {
    let width = 3;
    let color = s.color;
    let style = null;
    for (const part of v.split(/\s+(?![^(]*\))/)) {
      const w = borderWidth(part, ctx);
      const c2 = parseColor(part);
      if (/^(none|hidden)$/i.test(part)) style = "none";
      else if (/^(solid|dashed|dotted|double|groove|ridge|inset|outset)$/i.test(part)) style = "solid";
      else if (w !== null) width = w;
      else if (c2) color = c2;
      else return;
    }
    for (const i of sides) {
      s.borderWidth[i] = style === "solid" ? width : 0;
      s.borderColor[i] = color;
    }
  };
}
function display(s, v) {
  const d = oneOf(v, ["block", "inline", "inline-block", "flex", "inline-flex", "list-item", "none", "grid", "table", "table-row", "table-cell", "contents"]);
  if (!d) return;
  const mapped = { grid: "block", table: "block", "table-row": "flex", "table-cell": "inline-block", contents: "inline" };
  s.display = mapped[d] ?? d;
}
function background(s, v) {
  const gradient = parseGradient(v);
  if (gradient) {
    s.backgroundImage = gradient;
    return;
  }
  if (/^none$/i.test(v)) {
    s.backgroundImage = null;
    s.backgroundColor = null;
    return;
  }
  const color = parseColor(v) ?? parseColor(v.split(/\s+(?![^(]*\))/).pop() ?? "");
  if (color) {
    s.backgroundColor = color;
    s.backgroundImage = null;
  }
}
function fontSize(s, v, ctx) {
  const named = FONT_SIZES[v.toLowerCase()];
  if (named) {
    s.fontSize = named;
    return;
  }
  const l = parseLength(v, ctx, false);
  if (!l) return;
  const px = "px" in l ? l.px : ctx.fontSize * l.pct / 100;
  if (px > 0 && px <= 1e3) s.fontSize = px;
}
function fontWeight(s, v) {
  if (/^(bold|bolder)$/i.test(v) || Number(v) >= 600) s.bold = true;
  else if (/^(normal|lighter)$/i.test(v) || Number(v) > 0) s.bold = false;
}
function flex(s, v, ctx) {
  const parts = v.trim().toLowerCase().split(/\s+/);
  if (parts[0] === "none") Object.assign(s, { flexGrow: 0, flexShrink: 0, flexBasis: "auto" });
  else if (parts[0] === "auto") Object.assign(s, { flexGrow: 1, flexShrink: 1, flexBasis: "auto" });
  else if (/^\d*\.?\d+$/.test(parts[0])) {
    s.flexGrow = Number(parts[0]);
    s.flexShrink = parts[1] && /^\d*\.?\d+$/.test(parts[1]) ? Number(parts[1]) : 1;
    const basis = parts.length > 1 ? parseLength(parts[parts.length - 1], ctx) : { px: 0 };
    s.flexBasis = basis ?? { px: 0 };
  }
}
function gap(keys) {
  return (s, v, ctx) => {
    const parts = v.split(/\s+/).map((p2) => parseLength(p2, ctx, false));
    if (parts.some((p2) => !p2 || !("px" in p2))) return;
    keys.forEach((k, i) => s[k] = parts[Math.min(i, parts.length - 1)].px);
  };
}
var SETTERS = {
  display,
  position: keyword("position", ["static", "relative", "absolute"]),
  top: edge("inset", 0),
  right: edge("inset", 1),
  bottom: edge("inset", 2),
  left: edge("inset", 3),
  color: (s, v) => {
    const c2 = parseColor(v);
    if (c2) s.color = c2;
  },
  background,
  "background-color": (s, v) => {
    const c2 = parseColor(v);
    if (c2) s.backgroundColor = c2;
  },
  "background-image": (s, v) => {
    if (/^none$/i.test(v)) s.backgroundImage = null;
    else s.backgroundImage = parseGradient(v) ?? s.backgroundImage;
  },
  "font-size": fontSize,
  "font-weight": fontWeight,
  "font-style": (s, v) => {
    if (/^(italic|oblique|normal)$/i.test(v)) s.italic = !/^normal$/i.test(v);
  },
  "font-family": (s, v) => {
    s.monospace = /monospace|mono|courier|consolas/i.test(v.split(",")[0]) || /^\s*monospace\s*$/i.test(v.split(",").pop() ?? "");
  },
  font: (s, v, ctx) => {
    const m = /^((?:[\w-]+\s+)*?)(\d*\.?\d+(?:px|em|rem|%|pt))(?:\/(\S+))?\s+(.+)$/i.exec(v.trim());
    if (!m) return;
    for (const w of m[1].trim().split(/\s+/).filter(Boolean)) {
      fontWeight(s, w);
      if (/^italic$/i.test(w)) s.italic = true;
    }
    fontSize(s, m[2], ctx);
    if (m[3]) SETTERS["line-height"](s, m[3], { ...ctx, fontSize: s.fontSize });
    SETTERS["font-family"](s, m[4], ctx);
  },
  "line-height": (s, v, ctx) => {
    if (/^normal$/i.test(v)) s.lineHeight = null;
    else if (/^\d*\.?\d+$/.test(v)) s.lineHeight = Number(v) * s.fontSize;
    else {
      const l = parseLength(v, { ...ctx, fontSize: s.fontSize }, false);
      if (l) s.lineHeight = "px" in l ? l.px : s.fontSize * l.pct / 100;
    }
  },
  "text-align": (s, v) => {
    const k = oneOf(v, ["left", "center", "right", "start", "end", "justify"]);
    if (k) s.textAlign = k === "right" || k === "end" ? "right" : k === "center" ? "center" : "left";
  },
  "white-space": keyword("whiteSpace", ["normal", "pre", "nowrap", "pre-wrap"]),
  "text-decoration": (s, v) => {
    const k = /underline|line-through|none/i.exec(v)?.[0].toLowerCase();
    if (k) s.textDecoration = k;
  },
  "text-decoration-line": (s, v) => SETTERS["text-decoration"](s, v, {}),
  visibility: keyword("visibility", ["visible", "hidden"]),
  "list-style-type": keyword("listStyle", ["disc", "decimal", "none"]),
  "list-style": (s, v) => {
    const k = /\b(disc|decimal|none)\b/i.exec(v)?.[1].toLowerCase();
    if (k) s.listStyle = k;
  },
  width: length("width"),
  height: length("height"),
  "min-width": length("minWidth"),
  "min-height": length("minHeight"),
  "max-width": length("maxWidth"),
  "max-height": length("maxHeight"),
  "box-sizing": keyword("boxSizing", ["content-box", "border-box"]),
  margin: edges("margin"),
  padding: edges("padding"),
  border: border([0, 1, 2, 3]),
  "border-width": (s, v, ctx) => {
    const ws = v.split(/\s+/).map((p2) => borderWidth(p2, ctx));
    const four = ws.every((w) => w !== null) ? fourSides(ws) : null;
    if (four) s.borderWidth = four;
  },
  "border-color": (s, v) => {
    const cs = v.split(/\s+(?![^(]*\))/).map(parseColor);
    const four = cs.every(Boolean) ? fourSides(cs) : null;
    if (four) s.borderColor = four;
  },
  "border-style": (s, v) => {
    if (/^(none|hidden)$/i.test(v.trim())) s.borderWidth = [0, 0, 0, 0];
  },
  "border-radius": (s, v, ctx) => {
    const l = parseLength(v.split(/[\s/]+/)[0], ctx, false);
    if (l && "px" in l && l.px >= 0) s.borderRadius = l.px;
    else if (l && "pct" in l) s.borderRadius = l.pct >= 50 ? 1e6 : l.pct;
  },
  "flex-direction": keyword("flexDirection", ["row", "column", "row-reverse", "column-reverse"]),
  "flex-wrap": keyword("flexWrap", ["nowrap", "wrap"]),
  "flex-flow": (s, v) => v.split(/\s+/).forEach((p2) => (SETTERS["flex-direction"](s, p2, {}), SETTERS["flex-wrap"](s, p2, {}))),
  "justify-content": (s, v) => keyword("justifyContent", ["flex-start", "flex-end", "center", "space-between", "space-around", "space-evenly"])(s, v.replace(/^(start|left)$/, "flex-start").replace(/^(end|right)$/, "flex-end"), {}),
  "align-items": (s, v) => keyword("alignItems", ["stretch", "flex-start", "flex-end", "center", "baseline"])(s, v.replace(/^start$/, "flex-start").replace(/^end$/, "flex-end"), {}),
  "align-self": keyword("alignSelf", ["auto", "stretch", "flex-start", "flex-end", "center", "baseline"]),
  flex,
  "flex-grow": (s, v) => /^\d*\.?\d+$/.test(v) && (s.flexGrow = Number(v)),
  "flex-shrink": (s, v) => /^\d*\.?\d+$/.test(v) && (s.flexShrink = Number(v)),
  "flex-basis": length("flexBasis"),
  gap: gap(["rowGap", "columnGap"]),
  "row-gap": gap(["rowGap"]),
  "column-gap": gap(["columnGap"]),
  "grid-gap": gap(["rowGap", "columnGap"]),
  overflow: (s, v) => keyword("overflow", ["visible", "hidden", "scroll", "auto"])(s, v.split(/\s+/).pop(), {}),
  "overflow-y": keyword("overflow", ["visible", "hidden", "scroll", "auto"]),
  transform: (s, v, ctx) => {
    const t2 = parseTransform(v, ctx);
    if (t2) s.transform = t2;
  },
  opacity: (s, v) => {
    const m = /^(\d*\.?\d+)(%?)$/.exec(v.trim());
    if (m) s.opacity = Math.max(0, Math.min(1, Number(m[1]) / (m[2] ? 100 : 1)));
  },
  animation: (s, v) => {
    if (/^none$/i.test(v.trim())) s.animation = null;
    else s.animation = parseAnimation(v) ?? s.animation;
  },
  "will-change": (s, v) => s.willChange = /transform|opacity/i.test(v)
};
for (const [i, side] of EDGES.entries()) {
  SETTERS[`margin-${side}`] = edge("margin", i);
  SETTERS[`padding-${side}`] = (s, v, ctx) => {
    const l = parseLength(v, ctx, false);
    if (l && ("px" in l ? l.px : l.pct) >= 0) s.padding[i] = l;
  };
  SETTERS[`border-${side}`] = border([i]);
  SETTERS[`border-${side}-width`] = (s, v, ctx) => {
    const w = borderWidth(v, ctx);
    if (w !== null) s.borderWidth[i] = w;
  };
  SETTERS[`border-${side}-color`] = (s, v) => {
    const c2 = parseColor(v);
    if (c2) s.borderColor[i] = c2;
  };
}
function applyDeclaration(style, parent, d, ctx) {
  const v = d.value.trim();
  const lower = v.toLowerCase();
  if (lower === "inherit" || lower === "initial" || lower === "unset") {
    const source = lower === "inherit" ? parent : initialStyle();
    const key = camel(d.property);
    if (key in source) style[key] = structuredClone(source[key]);
    return;
  }
  SETTERS[d.property]?.(style, v, ctx);
}
function camel(p2) {
  return p2.replace(/-([a-z])/g, (_, c2) => c2.toUpperCase());
}

// src/processes/renderer/page/css/uaStyleSheet.ts
var UA_STYLE_SHEET = `
html, body, div, p, h1, h2, h3, h4, h5, h6, ul, ol, section, article, header, footer, main, nav,
aside, blockquote, pre, figure, figcaption, form, hr, address, details, summary, dl, dt, dd,
table, tbody, thead, tfoot, tr, fieldset, legend, center, canvas, video { display: block }
li { display: list-item }
head, script, style, title, meta, link, template, noscript, base, iframe, datalist, param { display: none }
td, th { display: inline-block; padding: 1px 4px }
body { margin: 8px }
h1 { font-size: 2em; font-weight: bold; margin: 0.67em 0 }
h2 { font-size: 1.5em; font-weight: bold; margin: 0.83em 0 }
h3 { font-size: 1.17em; font-weight: bold; margin: 1em 0 }
h4 { font-weight: bold; margin: 1.33em 0 }
h5 { font-size: 0.83em; font-weight: bold; margin: 1.67em 0 }
h6 { font-size: 0.67em; font-weight: bold; margin: 2.33em 0 }
p, blockquote, figure, dl, pre { margin: 1em 0 }
blockquote, figure { margin-left: 40px; margin-right: 40px }
ul, ol { margin: 1em 0; padding-left: 40px }
ol { list-style-type: decimal }
dd { margin-left: 40px }
b, strong, th { font-weight: bold }
i, em, cite, var, dfn { font-style: italic }
pre, code, kbd, samp, tt { font-family: monospace }
pre { white-space: pre }
code, kbd, samp { font-size: 0.875em }
small { font-size: 0.83em }
big { font-size: 1.17em }
a { color: #0000ee; text-decoration: underline }
u, ins { text-decoration: underline }
s, strike, del { text-decoration: line-through }
mark { background-color: yellow }
hr { border: 1px solid #c0c0c0; margin: 0.5em 0 }
center { text-align: center }
button { display: inline-block; padding: 2px 8px; border: 2px solid #767676; border-radius: 3px; background-color: #efefef; font-size: 13px; text-align: center }
input, textarea, select { display: inline-block; padding: 2px; border: 2px solid #767676; background-color: white; width: 150px; height: 18px }
embed, object, img { display: inline-block }
`;

// src/processes/renderer/page/css/StyleResolver.ts
var uaSheet = null;
var StyleResolver = class _StyleResolver {
  constructor(authorSheets, viewport) {
    this.viewport = viewport;
    uaSheet ??= parseStyleSheet(UA_STYLE_SHEET);
    this.file(uaSheet, 0 /* UserAgent */);
    for (const sheet of authorSheets) {
      this.file(sheet, 1 /* Author */);
      for (const [name, frames] of sheet.keyframes) this.keyframes.set(name, frames);
    }
  }
  viewport;
  buckets = /* @__PURE__ */ new Map();
  keyframes = /* @__PURE__ */ new Map();
  /** A resolver for the document's own <style> elements, in document order. */
  static forDocument(doc, viewport) {
    const sheets = [];
    let order = 0;
    for (const el of elements(doc)) {
      if (el.tagName !== "style") continue;
      const sheet = parseStyleSheet(textContent(el), order);
      order += sheet.rules.length;
      sheets.push(sheet);
    }
    return new _StyleResolver(sheets, viewport);
  }
  /** Computed style of one element, given its parent's. */
  compute(el, parent, rootFontSize = 16) {
    const candidates = this.matchingRules(el);
    const inline = attr(el, "style");
    if (inline) candidates.push({ decls: parseDeclarations(inline), origin: 2 /* Inline */, specificity: 0, order: 0 });
    const ordered = [];
    const normal = candidates.sort((a, b) => a.origin - b.origin || a.specificity - b.specificity || a.order - b.order);
    for (const c2 of normal) for (const d of c2.decls) if (!d.important) ordered.push(d);
    for (const c2 of normal) for (const d of c2.decls) if (d.important) ordered.push(d);
    const style = inheritFrom(parent);
    const parentStyle = parent ?? initialStyle();
    const ctx = { fontSize: parentStyle.fontSize, rootFontSize, viewport: this.viewport };
    for (const d of ordered) if (d.property === "font-size" || d.property === "font") applyDeclaration(style, parentStyle, d, ctx);
    const own = { ...ctx, fontSize: style.fontSize };
    for (const d of ordered) if (d.property !== "font-size") applyDeclaration(style, parentStyle, d, own);
    return style;
  }
  matchingRules(el) {
    const keys = ["*", el.tagName, ...classesOf(el).map((c2) => `.${c2}`)];
    const id = attr(el, "id");
    if (id) keys.push(`#${id}`);
    const out = [];
    for (const key of new Set(keys)) {
      for (const f of this.buckets.get(key) ?? []) {
        if (matches(el, f.selector)) out.push({ decls: f.rule.declarations, origin: f.origin, specificity: f.selector.specificity, order: f.rule.order });
      }
    }
    return out;
  }
  file(sheet, origin) {
    for (const rule of sheet.rules) {
      for (const selector of rule.selectors) {
        const key = bucketKey(selector);
        const list = this.buckets.get(key) ?? this.buckets.set(key, []).get(key);
        list.push({ rule, selector, origin });
      }
    }
  }
};

// src/processes/renderer/page/layout/LayoutTree.ts
var import_sync = __toESM(require("yoga-layout/sync"));

// src/processes/renderer/page/layout/InlineLayout.ts
var ASCENT = 0.928;
var DESCENT = 0.236;
var InlineLayout = class {
  constructor(measure2) {
    this.measure = measure2;
  }
  measure;
  widths = /* @__PURE__ */ new Map();
  width(text, font) {
    const key = `${font}\0${text}`;
    let w = this.widths.get(key);
    if (w === void 0) {
      w = this.measure(text, font);
      if (this.widths.size > 2e5) this.widths.clear();
      this.widths.set(key, w);
    }
    return w;
  }
  layout(items, container, available) {
    const pieces = this.pieces(items, available);
    const lines = [[]];
    let x = 0;
    for (const p2 of pieces) {
      const line = lines[lines.length - 1];
      if (p2.forcedBreak) {
        lines.push([]);
        x = 0;
        continue;
      }
      const space = line.length ? p2.spaceBefore : 0;
      if (line.length && p2.wraps && x + space + p2.width > available + 0.01) {
        lines.push([{ ...p2, spaceBefore: 0 }]);
        x = p2.width;
        continue;
      }
      line.push(line.length ? p2 : { ...p2, spaceBefore: 0 });
      x += space + p2.width;
    }
    return this.place(lines, container, available);
  }
  pieces(items, available) {
    const out = [];
    let pendingSpace = false;
    items.forEach((item, index) => {
      if (item.kind === "break") {
        out.push({ text: "", width: 0, spaceBefore: 0, style: null, el: null, forcedBreak: true, wraps: true });
        pendingSpace = false;
        return;
      }
      if (item.kind === "atomic") {
        const size = item.size(available);
        out.push({ text: "", width: size.w, spaceBefore: pendingSpace ? this.width(" ", fontOf(item.style)) : 0, style: item.style, el: item.el, atomic: { index, h: size.h }, wraps: true });
        pendingSpace = false;
        return;
      }
      const font = fontOf(item.style);
      const spaceWidth = this.width(" ", font);
      const ws = item.style.whiteSpace;
      if (ws === "pre" || ws === "pre-wrap") {
        item.text.replace(/\t/g, "        ").split("\n").forEach((line, i) => {
          if (i > 0) out.push({ text: "", width: 0, spaceBefore: 0, style: null, el: null, forcedBreak: true, wraps: true });
          const words2 = ws === "pre" ? [line] : line.split(/(?<= )/);
          for (const w of words2) if (w) out.push({ text: w, width: this.width(w, font), spaceBefore: 0, style: item.style, el: item.el, wraps: ws === "pre-wrap" });
        });
        pendingSpace = false;
        return;
      }
      const words = item.text.split(/[ \t\n\r\f]+/);
      words.forEach((w, i) => {
        if (i > 0) pendingSpace = true;
        if (!w) return;
        out.push({ text: w, width: this.width(w, font), spaceBefore: pendingSpace ? spaceWidth : 0, style: item.style, el: item.el, wraps: ws !== "nowrap" });
        pendingSpace = false;
      });
    });
    return out;
  }
  place(lines, container, available) {
    const fragments = [];
    let top = 0;
    let width = 0;
    let firstBaseline = 0;
    const strut = metrics(container);
    for (const [li, line] of lines.entries()) {
      if (!line.length && li === lines.length - 1 && li > 0) break;
      if (!line.length && lines.length === 1) break;
      let ascent = strut.ascent;
      let descent = strut.descent;
      for (const p2 of line) {
        if (p2.atomic) ascent = Math.max(ascent, p2.atomic.h);
        else if (p2.style) {
          const m = metrics(p2.style);
          ascent = Math.max(ascent, m.ascent);
          descent = Math.max(descent, m.descent);
        }
      }
      const lineWidth = line.reduce((s, p2) => s + p2.spaceBefore + p2.width, 0);
      width = Math.max(width, lineWidth);
      const free = Number.isFinite(available) ? available - lineWidth : 0;
      let x = container.textAlign === "center" ? free / 2 : container.textAlign === "right" ? free : 0;
      const baseline = top + ascent;
      if (li === 0) firstBaseline = baseline;
      let run = null;
      for (const p2 of line) {
        x += p2.spaceBefore;
        if (p2.atomic) {
          fragments.push({ kind: "atomic", x, y: baseline - p2.atomic.h, w: p2.width, h: p2.atomic.h, el: p2.el, itemIndex: p2.atomic.index });
          run = null;
        } else if (p2.style && p2.text) {
          if (run && run.style === p2.style && run.el === p2.el) {
            run.text += (p2.spaceBefore ? " " : "") + p2.text;
            run.w = x + p2.width - run.x;
          } else {
            const m = metrics(p2.style);
            run = { kind: "text", x, top: baseline - m.ascent, baseline, w: p2.width, h: m.ascent + m.descent, text: p2.text, style: p2.style, el: p2.el };
            fragments.push(run);
          }
        }
        x += p2.width;
      }
      top = baseline + descent;
    }
    return { width, height: top, fragments, firstBaseline };
  }
};
function metrics(s) {
  const lh = lineHeightOf(s);
  const half = (lh - (ASCENT + DESCENT) * s.fontSize) / 2;
  return { ascent: half + ASCENT * s.fontSize, descent: lh - half - ASCENT * s.fontSize };
}

// src/processes/renderer/page/layout/LayoutTree.ts
var MAX_LAYOUT_DEPTH = 512;
var PLUGIN_TYPE_PREFIX = "application/x-minium-";
var LayoutTree = class {
  inlineLayout;
  constructor(measure2) {
    this.inlineLayout = new InlineLayout(measure2);
  }
  /** Lays out the document under `root` (the html element) for a viewport width. */
  layout(root, styleOf, viewport) {
    const box = this.build(root, styleOf, 0);
    if (!box) throw new Error("the document has no visible root element");
    collapseMargins(box);
    const node = this.yogaFor(box, viewport.w, false);
    try {
      node.setWidth(viewport.w);
      node.calculateLayout(viewport.w, void 0, import_sync.Direction.LTR);
      this.read(box, 0, 0);
    } finally {
      node.freeRecursive();
    }
    return box;
  }
  // --- box tree ---------------------------------------------------------------------------
  build(el, styleOf, depth) {
    const style = styleOf(el);
    if (!style || style.display === "none") return null;
    if (isReplaced(el)) return newBox("replaced", el, style);
    const box = newBox("block", el, style);
    let inline = null;
    const flushInline = () => {
      if (inline && inline.items.some((i) => i.kind !== "text" || /\S/.test(i.text) || i.style.whiteSpace.startsWith("pre"))) box.children.push(inline);
      inline = null;
    };
    const inlineBox = () => inline ??= newBox("inline", null, style);
    const walk = (parent, parentStyle, d) => {
      for (const child of parent.childNodes) this.addChild(child, parentStyle, styleOf, d, box, walk, inlineBox, flushInline);
    };
    walk(el, style, depth);
    flushInline();
    if (style.display === "list-item" && style.listStyle !== "none") {
      const index = el.parentNode ? el.parentNode.childNodes.filter((n) => isElement(n) && n.tagName === "li").indexOf(el) : 0;
      box.marker = style.listStyle === "decimal" ? `${index + 1}.` : "\u2022";
    }
    return box;
  }
  addChild(child, parentStyle, styleOf, depth, box, walk, inlineBox, flushInline) {
    if (isText(child)) {
      inlineBox().items.push({ kind: "text", text: child.value, style: parentStyle, el: child.parentNode });
      return;
    }
    if (!isElement(child)) return;
    if (depth >= MAX_LAYOUT_DEPTH) return this.addFlattened(child, styleOf, box, inlineBox, flushInline);
    if (child.tagName === "br") {
      inlineBox().items.push({ kind: "break" });
      return;
    }
    const style = styleOf(child);
    if (!style || style.display === "none") return;
    const d = style.display;
    if (d === "inline" && !isReplaced(child) && depth < MAX_LAYOUT_DEPTH) {
      walk(child, style, depth + 1);
      return;
    }
    const sub = this.build(child, styleOf, depth + 1);
    if (!sub) return;
    const atomic = d === "inline-block" || d === "inline-flex" || d === "inline" || isReplaced(child);
    if (atomic && box.style.display !== "flex" && box.style.display !== "inline-flex") {
      const ib = inlineBox();
      const index = ib.items.length;
      ib.atomics.set(index, sub);
      ib.items.push({ kind: "atomic", el: child, style, size: (available) => this.sizeAtomic(sub, available) });
      return;
    }
    flushInline();
    box.children.push(sub);
  }
  /** Below the depth limit every descendant becomes a childless sibling, in document order, without recursion. */
  addFlattened(root, styleOf, box, inlineBox, flushInline) {
    const stack = [root];
    while (stack.length) {
      const n = stack.pop();
      if (isText(n)) {
        const parentStyle = styleOf(n.parentNode) ?? box.style;
        inlineBox().items.push({ kind: "text", text: n.value, style: parentStyle, el: n.parentNode });
        continue;
      }
      if (!isElement(n)) continue;
      const style = styleOf(n);
      if (!style || style.display === "none") continue;
      if (style.display !== "inline") {
        flushInline();
        box.children.push(newBox(isReplaced(n) ? "replaced" : "block", n, style));
      }
      for (let i = n.childNodes.length - 1; i >= 0; i--) stack.push(n.childNodes[i]);
    }
  }
  /** Shrink-to-fit size of an inline-block: its max-content width, at most the line's width. */
  sizeAtomic(box, available) {
    const node = this.yogaFor(box, available, true);
    try {
      node.calculateLayout(void 0, void 0, import_sync.Direction.LTR);
      let w = node.getComputedWidth();
      if (w > available) {
        node.calculateLayout(available, void 0, import_sync.Direction.LTR);
        w = node.getComputedWidth();
      }
      const [mt, mr, mb, ml] = box.margin;
      return { w: w + ml + mr, h: node.getComputedHeight() + mt + mb };
    } finally {
      node.freeRecursive();
    }
  }
  // --- Yoga -------------------------------------------------------------------------------
  yogaFor(box, containerWidth, isRoot) {
    const node = import_sync.default.Node.create();
    box.yoga = node;
    const s = box.style;
    const pct = (l) => resolveLength(l, containerWidth);
    if (box.el) {
      box.padding = [pct(s.padding[0]), pct(s.padding[1]), pct(s.padding[2]), pct(s.padding[3])];
      this.applyBoxStyle(node, box, containerWidth, isRoot);
    }
    if (box.kind === "inline") {
      node.setMeasureFunc((width, mode) => {
        const available = mode === 0 ? Infinity : width;
        const r = this.layoutInline(box, available);
        return { width: mode === 1 ? width : Math.ceil(r.width), height: r.height };
      });
      return node;
    }
    if (box.kind === "replaced") return node;
    const flex2 = s.display === "flex" || s.display === "inline-flex";
    node.setFlexDirection(flex2 ? { row: import_sync.FlexDirection.Row, column: import_sync.FlexDirection.Column, "row-reverse": import_sync.FlexDirection.RowReverse, "column-reverse": import_sync.FlexDirection.ColumnReverse }[s.flexDirection] : import_sync.FlexDirection.Column);
    if (flex2) {
      node.setFlexWrap(s.flexWrap === "wrap" ? import_sync.Wrap.Wrap : import_sync.Wrap.NoWrap);
      node.setJustifyContent({ "flex-start": import_sync.Justify.FlexStart, "flex-end": import_sync.Justify.FlexEnd, center: import_sync.Justify.Center, "space-between": import_sync.Justify.SpaceBetween, "space-around": import_sync.Justify.SpaceAround, "space-evenly": import_sync.Justify.SpaceEvenly }[s.justifyContent]);
      node.setAlignItems(ALIGN[s.alignItems]);
      node.setGap(import_sync.Gutter.Row, s.rowGap);
      node.setGap(import_sync.Gutter.Column, s.columnGap);
    } else {
      node.setAlignItems(import_sync.Align.Stretch);
    }
    const innerWidth = resolveLength(s.width, containerWidth, containerWidth);
    box.children.forEach((child, i) => {
      const c2 = this.yogaFor(child, innerWidth, false);
      if (flex2) {
        c2.setFlexGrow(child.el ? child.style.flexGrow : 0);
        c2.setFlexShrink(child.el ? child.style.flexShrink : 1);
        const basis = child.style.flexBasis;
        if (child.el && basis !== "auto") c2.setFlexBasis("px" in basis ? basis.px : `${basis.pct}%`);
        if (child.el && child.style.alignSelf !== "auto") c2.setAlignSelf(ALIGN[child.style.alignSelf]);
      } else {
        c2.setFlexShrink(0);
      }
      node.insertChild(c2, i);
    });
    return node;
  }
  applyBoxStyle(node, box, containerWidth, isRoot) {
    const s = box.style;
    const [pt, pr, pb, pl] = box.padding;
    const [bt, br, bb, bl] = s.borderWidth;
    node.setPadding(import_sync.Edge.Top, pt);
    node.setPadding(import_sync.Edge.Right, pr);
    node.setPadding(import_sync.Edge.Bottom, pb);
    node.setPadding(import_sync.Edge.Left, pl);
    node.setBorder(import_sync.Edge.Top, bt);
    node.setBorder(import_sync.Edge.Right, br);
    node.setBorder(import_sync.Edge.Bottom, bb);
    node.setBorder(import_sync.Edge.Left, bl);
    [import_sync.Edge.Top, import_sync.Edge.Right, import_sync.Edge.Bottom, import_sync.Edge.Left].forEach((edge2, i) => {
      const m = s.margin[i];
      if (isRoot) return;
      if (m === "auto") node.setMarginAuto(edge2);
      else node.setMargin(edge2, i === 0 || i === 2 ? box.margin[i] : resolveLength(m, containerWidth));
    });
    const extraW = s.boxSizing === "content-box" ? pl + pr + bl + br : 0;
    const extraH = s.boxSizing === "content-box" ? pt + pb + bt + bb : 0;
    const size = (l, extra) => l === "auto" ? void 0 : "px" in l ? l.px + extra : `${l.pct}%`;
    const w = size(s.width, extraW);
    const h = size(s.height, extraH);
    if (box.kind === "replaced") {
      const attrSize = (name, fallback) => Number(box.el.attrs.find((a) => a.name === name)?.value) || fallback;
      node.setWidth(w ?? Math.min(attrSize("width", 300), 4e3) + extraW);
      node.setHeight(h ?? Math.min(attrSize("height", 150), 4e3) + extraH);
    } else {
      if (w !== void 0) node.setWidth(w);
      if (h !== void 0) node.setHeight(h);
    }
    const min = (l, extra, set) => {
      const v = size(l, extra);
      if (v !== void 0) set(v);
    };
    min(s.minWidth, extraW, (v) => node.setMinWidth(v));
    min(s.minHeight, extraH, (v) => node.setMinHeight(v));
    min(s.maxWidth, extraW, (v) => node.setMaxWidth(v));
    min(s.maxHeight, extraH, (v) => node.setMaxHeight(v));
    if (s.position !== "static") {
      node.setPositionType(s.position === "absolute" ? import_sync.PositionType.Absolute : import_sync.PositionType.Relative);
      [import_sync.Edge.Top, import_sync.Edge.Right, import_sync.Edge.Bottom, import_sync.Edge.Left].forEach((edge2, i) => {
        const l = s.inset[i];
        if (l !== "auto") node.setPosition(edge2, "px" in l ? l.px : `${l.pct}%`);
      });
    }
    if (s.overflow !== "visible") node.setOverflow(s.overflow === "hidden" ? import_sync.Overflow.Hidden : import_sync.Overflow.Scroll);
  }
  layoutInline(box, available) {
    return this.inlineLayout.layout(box.items, box.style, available);
  }
  /** Reads Yoga's results into document coordinates, and lays inline content out at its final width. */
  read(box, parentX, parentY) {
    const node = box.yoga;
    const l = node.getComputedLayout();
    box.x = parentX + l.left;
    box.y = parentY + l.top;
    box.w = l.width;
    box.h = l.height;
    box.yoga = null;
    if (box.kind === "inline") {
      box.inline = this.layoutInline(box, l.width);
      for (const f of box.inline.fragments) {
        if (f.kind !== "atomic") continue;
        const sub = box.atomics.get(f.itemIndex);
        const sn = this.yogaFor(sub, f.w, true);
        try {
          sn.calculateLayout(f.w - sub.margin[1] - sub.margin[3], void 0, import_sync.Direction.LTR);
          this.read(sub, box.x + f.x + sub.margin[3], box.y + f.y + sub.margin[0]);
        } finally {
          sn.freeRecursive();
        }
      }
      return;
    }
    for (const child of box.children) this.read(child, box.x, box.y);
  }
};
var ALIGN = { auto: import_sync.Align.Auto, stretch: import_sync.Align.Stretch, "flex-start": import_sync.Align.FlexStart, "flex-end": import_sync.Align.FlexEnd, center: import_sync.Align.Center, baseline: import_sync.Align.Baseline };
function newBox(kind, el, style) {
  const px = (l) => l !== "auto" && "px" in l ? l.px : 0;
  return { kind, el, style, children: [], items: [], atomics: /* @__PURE__ */ new Map(), inline: null, x: 0, y: 0, w: 0, h: 0, margin: el ? [px(style.margin[0]), px(style.margin[1]), px(style.margin[2]), px(style.margin[3])] : [0, 0, 0, 0], padding: [0, 0, 0, 0], yoga: null };
}
function isReplaced(el) {
  const type = el.attrs.find((a) => a.name === "type")?.value ?? "";
  return el.tagName === "img" || el.tagName === "canvas" || el.tagName === "input" || el.tagName === "textarea" || (el.tagName === "embed" || el.tagName === "object") && type.startsWith(PLUGIN_TYPE_PREFIX);
}
function collapseMargins(box) {
  const stack = [{ box, visited: false }];
  while (stack.length) {
    const top = stack[stack.length - 1];
    if (!top.visited) {
      top.visited = true;
      for (const c2 of top.box.children) stack.push({ box: c2, visited: false });
      continue;
    }
    stack.pop();
    const b = top.box;
    const s = b.style;
    if (b.kind !== "block" || s.display === "flex" || s.display === "inline-flex" || s.display === "inline-block") continue;
    const flow = b.children.filter((c2) => c2.el && c2.style.position !== "absolute");
    for (let i = 1; i < flow.length; i++) {
      const prev = flow[i - 1].margin[2];
      const cur = flow[i].margin[0];
      if (prev >= 0 && cur >= 0) flow[i].margin[0] = Math.max(prev, cur) - prev;
    }
    const first = b.children[0];
    const last = b.children[b.children.length - 1];
    const isRoot = b.el?.tagName === "html";
    const separated = (i) => s.borderWidth[i] > 0 || (s.padding[i] !== "auto" && "px" in s.padding[i] ? s.padding[i].px : 1) > 0 || s.overflow !== "visible";
    if (!isRoot && first?.el && !separated(0)) {
      b.margin[0] = Math.max(b.margin[0], first.margin[0]);
      first.margin[0] = 0;
    }
    if (!isRoot && last?.el && !separated(2) && s.height === "auto") {
      b.margin[2] = Math.max(b.margin[2], last.margin[2]);
      last.margin[2] = 0;
    }
  }
}

// src/processes/renderer/page/paint/Transforms.ts
function resolveTransform(fns, w, h) {
  return fns.map((f) => f.fn === "translate" ? { fn: "translate", x: resolveLength(f.x, w), y: resolveLength(f.y, h) } : f);
}

// src/processes/renderer/page/paint/Painter.ts
var Painter = class {
  constructor(ctx) {
    this.ctx = ctx;
  }
  ctx;
  layers = [];
  hits = [];
  background = "#ffffff";
  propagated = null;
  paint(root, title) {
    const body = root.children.find((c2) => c2.el?.tagName === "body");
    const source = root.style.backgroundColor || root.style.backgroundImage ? root : body;
    if (source?.style.backgroundColor) {
      this.background = source.style.backgroundColor;
      this.propagated = source.el;
    }
    const { w, h } = this.ctx.viewport;
    const rootLayer = this.newLayer(null, { x: 0, y: 0, w, h }, 0, 0, true);
    this.paintBox(root, rootLayer, void 0);
    this.finish(rootLayer, Math.max(root.y + root.h + root.margin[2], 0));
    return { title, background: this.background, layers: this.layers, wheelListeners: false };
  }
  newLayer(parent, bounds, ox, oy, scrollable, el) {
    const data = { id: el ? this.ctx.layerIdFor(el) : 0, parent: parent ? parent.data.id : null, bounds, contentSize: { w: bounds.w, h: bounds.h }, scrollable, items: [], transform: [], origin: { x: 0, y: 0 }, opacity: 1 };
    this.layers.push(data);
    return { data, ox, oy, right: 0, bottom: 0 };
  }
  finish(b, extraBottom = 0) {
    b.data.contentSize = { w: Math.ceil(Math.max(b.data.bounds.w, b.right)), h: Math.ceil(Math.max(b.data.bounds.h, b.bottom, extraBottom)) };
  }
  push(b, item, clip) {
    if (clip) item.clip = clip;
    b.data.items.push(item);
    const r = item.op === "text" ? { x: item.x, y: item.y - item.size, w: item.w, h: item.size * 1.3 } : item;
    b.right = Math.max(b.right, r.x + r.w);
    b.bottom = Math.max(b.bottom, r.y + r.h);
  }
  paintBox(box, layer, clip) {
    const s = box.style;
    let target = layer;
    let targetClip = clip;
    if (box.el && this.needsOwnLayer(box)) {
      target = this.newLayer(layer, { x: box.x - layer.ox, y: box.y - layer.oy, w: box.w, h: box.h }, box.x, box.y, false, box.el);
      targetClip = void 0;
      const d = target.data;
      d.transform = resolveTransform(s.transform, box.w, box.h);
      d.origin = { x: box.w / 2, y: box.h / 2 };
      d.opacity = s.opacity;
      d.animation = this.animation(box);
      if (box.kind === "replaced" && isPlugin(box.el)) {
        d.plugin = { instanceId: this.ctx.pluginInstanceId(box.el), mimeType: attrOf(box.el, "type") ?? "" };
        this.push(target, { op: "rect", x: 0, y: 0, w: box.w, h: box.h, color: "#e8eaed" }, void 0);
        this.text(target, "Loading plugin\u2026", 12, 24, 13, "#5f6368");
      }
    }
    const x = box.x - target.ox;
    const y = box.y - target.oy;
    if (box.el) this.hits.push({ el: box.el, layer: target.data.id, rect: { x, y, w: box.w, h: box.h } });
    if (box.el && s.visibility === "visible") this.decorate(box, target, x, y, targetClip);
    if (box.kind === "replaced" && !isPlugin(box.el)) this.replacedPlaceholder(box, target, x, y, targetClip);
    const [bt, br, bb, bl] = s.borderWidth;
    const padding = { x: x + bl, y: y + bt, w: box.w - bl - br, h: box.h - bt - bb };
    let inner = target;
    let innerClip = targetClip;
    if (box.el && (s.overflow === "scroll" || s.overflow === "auto")) {
      inner = this.newLayer(target, padding, target.ox + padding.x, target.oy + padding.y, true, box.el);
      inner.data.id = this.ctx.layerIdFor(box.el) + 1;
      innerClip = void 0;
    } else if (box.el && s.overflow === "hidden") {
      innerClip = intersectClip(targetClip, { ...padding, radius: s.borderRadius || void 0 });
    }
    if (box.kind === "inline" && box.inline) this.paintInline(box, inner, innerClip);
    for (const child of box.children) this.paintBox(child, inner, innerClip);
    if (inner !== target) {
      inner.right += box.padding[1];
      inner.bottom += box.padding[2];
      this.finish(inner);
    }
    if (target !== layer) this.finish(target);
  }
  needsOwnLayer(box) {
    const s = box.style;
    return !!(box.el && (box.kind === "replaced" && isPlugin(box.el) || s.transform.length || s.opacity < 1 || s.willChange || this.animation(box)));
  }
  /** Background and border of a box. */
  decorate(box, layer, x, y, clip) {
    const s = box.style;
    const radius = s.borderRadius ? Math.min(s.borderRadius, box.w / 2, box.h / 2) : void 0;
    if (box.el !== this.propagated) {
      if (s.backgroundColor) this.push(layer, { op: "rect", x, y, w: box.w, h: box.h, color: s.backgroundColor, radius }, clip);
      if (s.backgroundImage) this.push(layer, { op: "gradient", x, y, w: box.w, h: box.h, gradient: s.backgroundImage, radius }, clip);
    }
    const [bt, br, bb, bl] = s.borderWidth;
    if (bt === br && bt === bb && bt === bl && s.borderColor.every((c2) => c2 === s.borderColor[0])) {
      if (bt > 0) this.push(layer, { op: "stroke", x: x + bt / 2, y: y + bt / 2, w: box.w - bt, h: box.h - bt, color: s.borderColor[0], width: bt, radius: radius && Math.max(0, radius - bt / 2) }, clip);
    } else {
      const sides = [
        [0, { x, y, w: box.w, h: bt }],
        [1, { x: x + box.w - br, y, w: br, h: box.h }],
        [2, { x, y: y + box.h - bb, w: box.w, h: bb }],
        [3, { x, y, w: bl, h: box.h }]
      ];
      for (const [i, r] of sides) if (r.w > 0 && r.h > 0) this.push(layer, { op: "rect", ...r, color: s.borderColor[i] }, clip);
    }
    if (box.marker) {
      const first = box.children.find((c2) => c2.kind === "inline" && c2.inline);
      const baseline = first?.inline ? first.y - layer.oy + first.inline.firstBaseline : y + s.fontSize;
      const font = fontOf(s);
      const w = this.ctx.measure(box.marker, font);
      this.push(layer, { op: "text", x: x - w - 8, y: baseline, w, text: box.marker, font, size: s.fontSize, color: s.color }, clip);
    }
  }
  paintInline(box, layer, clip) {
    const ox = box.x - layer.ox;
    const oy = box.y - layer.oy;
    const container = box.style;
    for (const f of box.inline.fragments) {
      if (f.kind === "atomic") {
        this.paintBox(box.atomics.get(f.itemIndex), layer, clip);
        continue;
      }
      const s = f.style;
      const rect = { x: ox + f.x, y: oy + f.top, w: f.w, h: f.h };
      this.hits.push({ el: f.el, layer: layer.data.id, rect });
      if (s.visibility !== "visible") continue;
      if (s !== container && s.backgroundColor && s.display === "inline") this.push(layer, { op: "rect", ...rect, color: s.backgroundColor }, clip);
      const decoration = s.textDecoration === "none" ? void 0 : s.textDecoration;
      this.push(layer, { op: "text", x: rect.x, y: oy + f.baseline, w: f.w, text: f.text, font: fontOf(s), size: s.fontSize, color: s.color, ...decoration ? { decoration } : {} }, clip);
    }
  }
  /** An image, canvas or form field Minium cannot show: a framed box with its alt text, as a broken image. */
  replacedPlaceholder(box, layer, x, y, clip) {
    if (box.el?.tagName !== "img") return;
    this.push(layer, { op: "stroke", x: x + 0.5, y: y + 0.5, w: box.w - 1, h: box.h - 1, color: "#c0c0c0", width: 1 }, clip);
    const alt = attrOf(box.el, "alt");
    if (alt) this.text(layer, alt.slice(0, 200), x + 4, y + 16, 13, "#5f6368", clip);
  }
  text(layer, text, x, y, size, color, clip) {
    const font = `${size}px "Minium Sans"`;
    this.push(layer, { op: "text", x, y, w: this.ctx.measure(text, font), text, font, size, color }, clip);
  }
  /** The element's CSS animation as keyframes of transform and opacity, the properties the compositor can animate. */
  animation(box) {
    const spec = box.style.animation;
    const frames = spec && this.ctx.keyframes.get(spec.name);
    if (!spec || !frames?.length) return void 0;
    const ctx = { fontSize: box.style.fontSize, rootFontSize: 16, viewport: this.ctx.viewport };
    const base = { transform: resolveTransform(box.style.transform, box.w, box.h), opacity: box.style.opacity };
    const out = [];
    let animates = false;
    for (const k of frames) {
      const s = initialStyle();
      s.transform = box.style.transform;
      s.opacity = box.style.opacity;
      for (const d of k.declarations) {
        if (d.property === "transform" || d.property === "opacity") {
          applyDeclaration(s, box.style, d, ctx);
          animates = true;
        }
      }
      out.push({ offset: k.offset, transform: resolveTransform(s.transform, box.w, box.h), opacity: s.opacity });
    }
    if (!animates) return void 0;
    if (out[0].offset > 0) out.unshift({ offset: 0, ...base });
    if (out[out.length - 1].offset < 1) out.push({ offset: 1, ...base });
    return { spec, frames: out };
  }
};
function isPlugin(el) {
  return !!el && (el.tagName === "embed" || el.tagName === "object") && (attrOf(el, "type") ?? "").startsWith(PLUGIN_TYPE_PREFIX);
}
function attrOf(el, name) {
  return el.attrs.find((a) => a.name === name)?.value;
}
function intersectClip(a, b) {
  if (!a) return b;
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  return { x, y, w: Math.max(0, Math.min(a.x + a.w, b.x + b.w) - x), h: Math.max(0, Math.min(a.y + a.h, b.y + b.h) - y) };
}

// src/processes/renderer/page/FrameView.ts
var MAX_ELEMENTS = 2e5;
var FrameView = class {
  constructor(doc, viewport, measure2, newPluginInstance) {
    this.doc = doc;
    this.viewport = viewport;
    this.measure = measure2;
    this.newPluginInstance = newPluginInstance;
    this.layout = new LayoutTree(measure2);
  }
  doc;
  viewport;
  measure;
  newPluginInstance;
  layout;
  layerIds = /* @__PURE__ */ new WeakMap();
  pluginIds = /* @__PURE__ */ new WeakMap();
  // Root layer is 0; each element's layer takes two ids: the second for the contents it scrolls.
  nextLayerId = 2;
  hits = [];
  /** Style, layout and paint of the whole document. Throws a readable error for a document too large to build. */
  update() {
    const html2 = findElement(this.doc, (el) => el.tagName === "html");
    if (!html2) throw new Error("the document has no root element");
    const resolver = StyleResolver.forDocument(this.doc, this.viewport);
    const styles = /* @__PURE__ */ new Map();
    let count = 0;
    const rootStyle = resolver.compute(html2, null);
    styles.set(html2, rootStyle);
    for (const el of elements(html2)) {
      if (++count > MAX_ELEMENTS) throw new Error(`The page has more than ${MAX_ELEMENTS.toLocaleString("en")} elements; Minium lays out at most that many.`);
      const parent = styles.get(el.parentNode);
      if (!parent || parent.display === "none") continue;
      styles.set(el, resolver.compute(el, parent, rootStyle.fontSize));
    }
    const root = this.layout.layout(html2, (el) => styles.get(el) ?? null, this.viewport);
    const titleEl = findElement(this.doc, (el) => el.tagName === "title");
    const title = (titleEl ? textContent(titleEl, 1e3) : "").replace(/\s+/g, " ").trim().slice(0, 200);
    const painter = new Painter({
      measure: this.measure,
      viewport: this.viewport,
      keyframes: resolver.keyframes,
      layerIdFor: (el) => this.layerIds.get(el) ?? this.layerIds.set(el, this.nextLayerId += 2).get(el),
      pluginInstanceId: (el) => this.pluginIds.get(el) ?? this.pluginIds.set(el, this.newPluginInstance()).get(el)
    });
    const paint = painter.paint(root, title);
    this.hits = painter.hits;
    return paint;
  }
  /** The element under a point of a layer's contents: the last painted region that holds it. */
  hitTest(layer, x, y) {
    for (let i = this.hits.length - 1; i >= 0; i--) {
      const h = this.hits[i];
      if (h.layer === layer && x >= h.rect.x && y >= h.rect.y && x < h.rect.x + h.rect.w && y < h.rect.y + h.rect.h) return h.el;
    }
    return null;
  }
  resize(viewport) {
    this.viewport = viewport;
  }
};

// ../../tmp/scratch/fv.ts
registerFonts();
var c = (0, import_canvas3.createCanvas)(1, 1).getContext("2d");
var measure = (t2, f) => {
  c.font = f;
  return c.measureText(t2).width;
};
var html = process.argv[2] ? require("fs").readFileSync(process.argv[2], "utf8") : `<!doctype html><title>T</title><style>
.box { width: 100px; height: 50px; background: red; margin: 10px }
#f { display: flex; gap: 10px } #f > div { flex: 1; height: 30px; background: linear-gradient(to right, red, blue) }
@keyframes spin { to { transform: rotate(360deg) } }
.spin { animation: spin 2s linear infinite; width: 40px; height: 40px; background: green }
.sc { overflow: scroll; height: 100px; border: 1px solid black }
</style><body><h1>Hello <em>world</em></h1><p>Some text <b>bold</b> and <a href="#">a link</a>.</p>
<div class="box"></div><div id="f"><div></div><div></div></div><div class="spin"></div>
<div class="sc"><p>1</p><p>2</p><p>3</p><p>4</p><p>5</p></div>
<ul><li>One</li><li>Two</li></ul><button>Click</button> <button>Two</button>
<embed type="application/x-minium-clock" width="200" height="100"></body>`;
var t = performance.now();
var fv = new FrameView(parseHtml(html), { w: 960, h: 600 }, measure, () => 7);
var p = fv.update();
console.log("ms", (performance.now() - t).toFixed(1));
for (const l of p.layers) console.log(JSON.stringify({ ...l, items: l.items.length, firstItems: l.items.slice(0, process.argv[2] ? 0 : 40) }, null, 0));
console.log(p.background, p.title);
