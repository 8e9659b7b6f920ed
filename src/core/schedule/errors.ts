// The one error the engine throws on its own: a plan that cannot be scheduled as written.

export class ScheduleError extends Error {
  constructor(
    message: string,
    /** Issue, lane or scenario ids the problem is about. */
    readonly ids: string[] = [],
  ) {
    super(message);
    this.name = 'ScheduleError';
  }
}
