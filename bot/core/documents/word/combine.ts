/**
 * Many documents in one .docx without holding all of them in docx's object tree at once.
 *
 * Why: docx builds the whole document as objects, then as an intermediate tree, then as a string,
 * before it zips. For a round of 50 reports (test/bench/documents.ts) that peaked near 120 MB of
 * heap, and the bench ran out of heap at --max-old-space-size=88; made this way it runs in 48, as
 * one report peaks at a few MB. So each document is packed alone, its word/document.xml read back,
 * and the bodies joined, each but the last closed by a paragraph that carries its section
 * properties: the very markup docx writes for a multi-section document.
 *
 * Sound only because the documents share everything outside word/document.xml: the same styles
 * (blocks.ts's pack), no numbering, images, links, notes, headers or footers, so no relationship
 * id or numbering id in one body can point at a part the others lack. A renderer that adds any of
 * these must not come through here.
 */
import { inflateRawSync } from "node:zlib";

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/**
 * One entry of a zip, found through the central directory (its sizes are right even when the local
 * header defers them to a data descriptor). Enough for the zips docx writes: stored or deflated,
 * no zip64, no encryption.
 */
export function readZipEntry(zip: Uint8Array, path: string): Uint8Array {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  // The end record is 22 bytes plus a comment of up to 65,535.
  let end = -1;
  for (let i = zip.byteLength - 22; i >= Math.max(0, zip.byteLength - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new Error("not a zip: no end of central directory");
  const entries = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const wanted = Buffer.from(path, "utf8");
  for (let n = 0; n < entries; n++) {
    if (view.getUint32(at, true) !== CENTRAL) throw new Error("corrupt zip: bad central directory entry");
    const method = view.getUint16(at + 10, true);
    const compressedSize = view.getUint32(at + 20, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const localAt = view.getUint32(at + 42, true);
    const name = zip.subarray(at + 46, at + 46 + nameLength);
    if (Buffer.compare(name, wanted) === 0) {
      if (view.getUint32(localAt, true) !== LOCAL) throw new Error("corrupt zip: bad local header");
      const dataAt = localAt + 30 + view.getUint16(localAt + 26, true) + view.getUint16(localAt + 28, true);
      const data = zip.subarray(dataAt, dataAt + compressedSize);
      if (method === 0) return data;
      if (method === 8) return inflateRawSync(data);
      throw new Error(`zip entry ${path}: compression method ${method} not supported`);
    }
    at += 46 + nameLength + extraLength + commentLength;
  }
  throw new Error(`zip entry ${path} not found`);
}

const SECT_PR = "<w:sectPr>";

/**
 * The document.xml of several one-section documents as one document of as many sections, in
 * order. Each input must be docx's output for a single section: its body ends with its one
 * `<w:sectPr>`. User text cannot fake that marker: docx escapes "<" in text.
 */
export function joinSections(documentXmls: readonly string[]): string {
  if (documentXmls.length === 0) throw new RangeError("joinSections: no document");
  let head = "";
  const parts: string[] = [];
  documentXmls.forEach((xml, i) => {
    const bodyStart = xml.indexOf("<w:body>");
    const sectStart = xml.lastIndexOf(SECT_PR);
    const bodyEnd = xml.lastIndexOf("</w:body>");
    if (bodyStart < 0 || sectStart < bodyStart || bodyEnd < sectStart || xml.indexOf(SECT_PR) !== sectStart) {
      throw new Error(`joinSections: document ${i + 1} is not a one-section document as docx writes it`);
    }
    if (i === 0) head = xml.slice(0, bodyStart + "<w:body>".length);
    const children = xml.slice(bodyStart + "<w:body>".length, sectStart);
    const sectPr = xml.slice(sectStart, bodyEnd);
    // The last section's properties close the body; the others ride in their last paragraph.
    parts.push(i === documentXmls.length - 1 ? children + sectPr : `${children}<w:p><w:pPr>${sectPr}</w:pPr></w:p>`);
  });
  return `${head}${parts.join("")}</w:body></w:document>`;
}
