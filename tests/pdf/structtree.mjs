// structtree.mjs: a PDF's structure tree as a consumer reads it (Mozilla pdf.js, pdfjs-dist's
// legacy build), printed as indented text, page by page (pdf.js gives each page the part of the
// tree that reaches it): the role, each marked content's text in quotes, OBJRs as [link]
// (with --urls: [link URL] or [link #internal]). Text outside any marked content is reported
// after the tree as `untagged page N: "…"`, and makes the exit status 1.
//
//   node structtree.mjs PDFJS_DIR [--urls] FILE.pdf
// PDFJS_DIR: the unpacked pdfjs-dist (tests/pdf/install-pdfjs.sh prints it).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const args = process.argv.slice(2);
const urls = args.includes("--urls");
const [pdfjsDir, file] = args.filter((a) => a !== "--urls");
if (!pdfjsDir || !file) {
  console.error("usage: node structtree.mjs PDFJS_DIR [--urls] FILE.pdf");
  process.exit(2);
}
const pdfjs = await import(pathToFileURL(join(pdfjsDir, "legacy/build/pdf.mjs")).href);

const squash = (s) => s.replace(/\s+/g, " ").trim();

// Marked content id → its text; the text outside every marked-content sequence.
async function markedText(page) {
  const content = await page.getTextContent({ includeMarkedContent: true });
  const texts = new Map();
  const open = []; // ids (or null) of the open sequences
  const outside = [];
  for (const item of content.items) {
    if (item.type === "beginMarkedContentProps" || item.type === "beginMarkedContent") {
      open.push(item.id ?? null);
    } else if (item.type === "endMarkedContent") {
      open.pop();
    } else if (typeof item.str === "string") {
      const text = item.str + (item.hasEOL ? " " : "");
      if (open.length === 0) {
        if (text.trim()) outside.push(text);
        continue;
      }
      const id = [...open].reverse().find((x) => x !== null);
      if (id) texts.set(id, (texts.get(id) ?? "") + text);
    }
  }
  return { texts, outside: squash(outside.join("")) };
}

async function links(page) {
  const out = new Map();
  for (const a of await page.getAnnotations()) {
    if (a.subtype !== "Link") continue;
    const target = a.url ?? a.unsafeUrl ?? (a.dest ? "#" + (typeof a.dest === "string" ? a.dest : "internal") : "");
    out.set(a.id, target);
  }
  return out;
}

function print(node, depth, texts, annots, lines) {
  const pad = "  ".repeat(depth);
  if (node.type === "content") {
    const t = squash(texts.get(node.id) ?? "");
    if (t) lines.push(`${pad}${JSON.stringify(t)}`);
    return;
  }
  if (node.type === "object" || node.type === "annotation") {
    const id = String(node.id).replace(/^pdfjs_internal_id_/, "");
    const target = urls && annots.has(id) ? " " + annots.get(id) : "";
    lines.push(`${pad}[link${target}]`);
    return;
  }
  const alt = node.alt !== undefined ? ` alt=${JSON.stringify(node.alt)}` : "";
  lines.push(`${pad}${node.role}${alt}`);
  for (const kid of node.children ?? []) print(kid, depth + 1, texts, annots, lines);
}

const doc = await pdfjs.getDocument({
  data: new Uint8Array(readFileSync(file)),
  useSystemFonts: false,
  isEvalSupported: false,
  verbosity: 0,
}).promise;
const lines = [];
const untagged = [];
for (let n = 1; n <= doc.numPages; n++) {
  const page = await doc.getPage(n);
  const { texts, outside } = await markedText(page);
  const annots = await links(page);
  const tree = await page.getStructTree();
  lines.push(`page ${n}`);
  for (const kid of tree?.children ?? []) print(kid, 0, texts, annots, lines);
  if (outside) untagged.push(`untagged page ${n}: ${JSON.stringify(outside)}`);
}
process.stdout.write(lines.concat(untagged).join("\n") + "\n");
await doc.destroy();
process.exitCode = untagged.length ? 1 : 0;  // not process.exit(): it cuts a piped stdout short (at 128 KiB here)
