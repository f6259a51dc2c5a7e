/**
 * A clock tests move by hand, passed as `overrides.now`: idle sessions end and viewing windows
 * close without waiting. It starts at the real time, so launch tokens signed now stay valid.
 */
export class FakeClock {
  private at: number;

  constructor(start: Date = new Date()) {
    this.at = start.getTime();
  }

  readonly now = (): Date => new Date(this.at);

  advanceMinutes(minutes: number): void {
    this.at += minutes * 60_000;
  }
}
