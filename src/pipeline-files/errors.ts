/**
 * A pipeline file that Kratix would reject, or that cannot be read or written: names the file,
 * says what is wrong and how to fix it.
 */
export class PipelineFileError extends Error {
  /** The file (or argument) at fault. */
  public readonly file: string;
  /** What is wrong; for rules Kratix enforces, the words Kratix fails the pipeline with. */
  public readonly problem: string;
  /** How to fix it. */
  public readonly fix: string;

  /**
   * @param file the file or argument at fault
   * @param problem what is wrong
   * @param fix how to fix it
   */
  constructor(file: string, problem: string, fix: string) {
    super(`${file}: ${problem}${fix ? `; ${fix}` : ''}`);
    this.name = 'PipelineFileError';
    this.file = file;
    this.problem = problem;
    this.fix = fix;
  }
}
