const WIDTH = 30;
/** Redraw at most this often: a terminal repaint per 1 MB chunk would cost more than the import. */
const REDRAW_MS = 100;

/** A one-line progress bar by bytes read, redrawn in place; silent when given no writer. */
export class ProgressBar {
  private done_ = 0;
  private lastDraw = 0;

  constructor(
    private readonly label: string,
    private readonly total: number,
    private readonly write?: (text: string) => void,
  ) {}

  advance(bytes: number): void {
    this.done_ += bytes;
    const now = Date.now();
    if (now - this.lastDraw >= REDRAW_MS) {
      this.lastDraw = now;
      this.draw();
    }
  }

  done(): void {
    if (!this.write) return;
    this.draw();
    this.write('\n');
  }

  private draw(): void {
    if (!this.write) return;
    const fraction = this.total > 0 ? Math.min(1, this.done_ / this.total) : 1;
    const filled = Math.round(fraction * WIDTH);
    this.write(
      `\r${this.label} [${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${Math.floor(fraction * 100)}%`,
    );
  }
}
