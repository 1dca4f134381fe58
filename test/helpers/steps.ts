/**
 * The steps of one story, each starting where the one before it left (the same line, its appointments,
 * the mail already sent): they are declared like tests, one per thing checked, and run as one test, in
 * the order written, so no test counts on another having run before it. A failure names its step.
 */
export class Steps {
  private readonly steps: [string, () => Promise<void>][] = [];

  /** Declares the next step (bound, so a story can call it `it`). */
  readonly step = (title: string, run: () => Promise<void>): void => {
    this.steps.push([title, run]);
  };

  async run(): Promise<void> {
    for (const [title, run] of this.steps) {
      try {
        await run();
      } catch (err) {
        if (err instanceof Error) err.message = `step «${title}»: ${err.message}`;
        throw err;
      }
    }
  }
}
