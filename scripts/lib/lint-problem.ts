// One lint finding, whichever tool found it (Spectral, Redocly, the workflow checks): what
// `npm run lint` prints, as `file:line pointer severity rule message`.
export interface LintProblem {
  file: string;
  line: number;
  severity: string;
  rule: string;
  message: string;
  /** JSON pointer inside the file, when known. */
  pointer?: string;
}
