// Builds the plain-text copy of sanitized markup from a stream of events, so the DOM walk and the
// fast path produce exactly the same text: <br> is a line break, paragraphs are separated by a
// blank line, runs of spaces collapse.
export class PlainTextCollector {
  private readonly blocks: string[] = [];
  private current = '';

  text(value: string): void {
    this.current += value;
  }

  lineBreak(): void {
    this.current += '\n';
  }

  /** At a paragraph's start and end: what came before is its own block. */
  blockBoundary(): void {
    if (this.current.trim()) this.blocks.push(this.current);
    this.current = '';
  }

  finish(): string {
    this.blockBoundary();
    return this.blocks
      .map((b) =>
        b
          .split('\n')
          .map((line) => line.replace(/[ \t\f\v\u00a0]+/g, ' ').trim())
          .join('\n')
          .trim(),
      )
      .filter(Boolean)
      .join('\n\n');
  }
}
