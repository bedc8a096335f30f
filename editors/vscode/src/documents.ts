// The corpus document picker's items. No `vscode` import, so it is tested
// under plain Node.

/** One entry of the server's `brief-lsp/documents` answer. */
export interface CorpusDocument {
  key: string;
  title?: string | null;
  /** Author and year, e.g. "Lukin 2020". */
  citation?: string | null;
  /** A file URI, or null when the document has no file to open. */
  uri?: string | null;
}

export interface DocumentPick {
  label: string;
  description: string;
  detail: string;
  uri: string;
}

/** Quick pick items for the documents that can be opened, in corpus order. */
export function documentPicks(documents: readonly CorpusDocument[]): DocumentPick[] {
  return documents
    .filter((d): d is CorpusDocument & { uri: string } => typeof d.uri === 'string' && d.uri !== '')
    .map((d) => ({
      label: `@${d.key}`,
      description: d.citation ?? '',
      detail: d.title ?? '',
      uri: d.uri,
    }));
}
