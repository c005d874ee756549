// Reading a generated Word document back (tests, the e2e journey and the bench): the text of word/document.xml and
// of the footnotes, paragraph by paragraph, and the images it carries. jszip comes with docx.
import JSZip from "jszip";

/** The text of word/document.xml (and the footnotes), paragraph by paragraph. */
export async function docxText(data: Buffer) {
  const zip = await JSZip.loadAsync(data);
  const read = async (name: string) => {
    const xml = (await zip.file(name)?.async("string")) ?? "";
    return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) =>
      [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(""),
    );
  };
  return {
    body: await read("word/document.xml"),
    footnotes: await read("word/footnotes.xml"),
    media: Object.keys(zip.files).filter((f) => f.startsWith("word/media/")),
  };
}
