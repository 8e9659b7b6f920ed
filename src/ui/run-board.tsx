// The full-screen board: alternate screen (and mouse reporting) in, terminal restored on every
// way out (quit, Ctrl-c, SIGTERM/SIGHUP/SIGINT, a crash) and while the shell or $EDITOR has it
// (Ctrl-z, e). Live reload and presence come from core/persist.
import { render } from 'ink';
import type { PlanData } from '../core/plan/model.js';
import { createBoardStore } from '../store/index.js';
import { describeReload } from '../store/reload-note.js';
import { App } from './App.js';
import { issueLine, runEditor } from './editor.js';
import { openUrl } from './open-url.js';
import { mouseStdin } from './mouse/mouse-stdin.js';

const ENTER_ALT = '\u001b[?1049h\u001b[H';
const LEAVE_ALT = '\u001b[?25h\u001b[?1049l';
/** Button presses and releases (wheel included) in SGR form; no motion tracking. */
const MOUSE_ON = '\u001b[?1000h\u001b[?1006h';
const MOUSE_OFF = '\u001b[?1006l\u001b[?1000l';

export interface BoardArgs {
  file: string;
  text: string;
  data: PlanData;
  today?: string;
  /** Take the mouse (default); false leaves it to the terminal. */
  mouse?: boolean;
}

export async function runBoard(args: BoardArgs): Promise<number> {
  const out = process.stdout;
  const mouse = args.mouse !== false && process.stdin.isTTY === true && out.isTTY === true;
  const enter = ENTER_ALT + (mouse ? MOUSE_ON : '');
  const leave = (mouse ? MOUSE_OFF : '') + LEAVE_ALT;
  let restored = false;
  const restore = () => {
    if (restored) return;
    restored = true;
    try {
      if (process.stdin.isTTY) process.stdin.setRawMode(false);
    } catch {
      /* stdin already closed */
    }
    out.write(leave);
  };
  const onSignal = (sig: NodeJS.Signals) => {
    restore();
    process.exit(sig === 'SIGTERM' ? 143 : sig === 'SIGINT' ? 130 : 129);
  };
  const onCrash = (e: unknown) => {
    restore();
    process.stderr.write(`planboard: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    if (process.env.PLANBOARD_DEBUG) process.stderr.write(String((e as Error)?.stack) + '\n');
    process.exit(70);
  };
  process.on('exit', restore);
  process.on('SIGTERM', onSignal);
  process.on('SIGHUP', onSignal);
  process.on('SIGINT', onSignal);
  process.on('uncaughtException', onCrash);
  process.on('unhandledRejection', onCrash);
  out.write(enter);

  const { fileViewPrefs } = await import('../core/persist/view-prefs.js');
  const store = createBoardStore({
    file: args.file,
    text: args.text,
    data: args.data,
    today: args.today,
    viewPrefs: fileViewPrefs(),
    user: process.env.USER ?? process.env.LOGNAME,
  });

  // On a shared box: what a save here could not keep of the file (its group), said before any save.
  void import('../core/persist/atomic-write.js')
    .then(({ groupNotice }) => groupNotice(args.file))
    .then((n) => n && store.getState().setMessage(`note: saving here will change the file: ${n}`));

  // Live reload and presence follow the file the board works on (it changes on "save as").
  const { watchPlan, joinPresence } = await import('../core/persist/index.js');
  const follow = async (file: string, baseText: string) => {
    const watcher = await watchPlan(
      file,
      // Another process saved → rebase our pending edits onto its text.
      (change) => {
        if (store.getState().file === file) store.getState().reload(change.text, (before, after) => describeReload(before, after));
      },
      {
        baseText,
        onProblem: (problems) => {
          if (store.getState().file === file) store.getState().diskUnreadable(problems[0]?.message ?? '');
        },
      },
    ).catch(() => undefined);
    const presence = await joinPresence(file).catch(() => undefined);
    return { file, watcher, presence };
  };
  let followed = await follow(args.file, args.text);
  const refreshPresence = async () => {
    const { presence, file } = followed;
    const others = (await presence?.others().catch(() => [])) ?? [];
    if (store.getState().file === file) store.getState().setPresence(others.map((e) => `${e.user}@${e.tty}`));
  };
  const unfollow = async (f: typeof followed) => {
    f.watcher?.close();
    await f.presence?.leave().catch(() => undefined);
  };
  const unsub = store.subscribe((s, prev) => {
    if (s.file !== prev.file) {
      const old = followed;
      store.getState().setPresence([]);
      void unfollow(old).then(async () => {
        followed = await follow(s.file, store.getState().baseText);
        void refreshPresence();
      });
    } else if (s.baseText !== prev.baseText) followed.watcher?.known(s.baseText);
  });
  void refreshPresence();
  const presenceTimer = setInterval(() => void refreshPresence(), 2000);
  presenceTimer.unref();

  const openEditor = (file: string, line: number) => {
    out.write(leave);
    if (process.stdin.isTTY) process.stdin.setRawMode(false);
    let status = 0;
    let failure: unknown;
    try {
      status = runEditor(file, line);
    } catch (e) {
      failure = e;
    }
    if (process.stdin.isTTY) process.stdin.setRawMode(true);
    out.write(enter);
    app.clear(); // a fresh alternate screen: the next frame is drawn whole
    void (async () => {
      const { readPlanFile } = await import('../core/persist/index.js');
      const r = await readPlanFile(file);
      const problem = r.ok ? '' : r.problems[0] ? `${r.problems[0].line}:${r.problems[0].col} ${r.problems[0].message}` : '';
      store.getState().editorClosed(failure ? { failure } : r.ok ? { text: r.plan.text, status } : { problem });
    })();
  };

  // Ctrl-z: raw mode delivers it as a key, so the board stops itself the way a shell expects:
  // terminal restored, SIGTSTP; on `fg` (SIGCONT) the board takes the screen back and redraws.
  const suspend = () => {
    out.write(leave);
    if (process.stdin.isTTY) process.stdin.setRawMode(false);
    process.once('SIGCONT', () => {
      if (process.stdin.isTTY) process.stdin.setRawMode(true);
      out.write(enter);
      app.clear();
      store.getState().setMessage('back from the shell');
    });
    process.kill(process.pid, 'SIGTSTP');
  };

  // With the mouse on, Ink reads a filtered stdin: reports become pointer events, never keys.
  const stdin = mouse ? mouseStdin(process.stdin) : undefined;
  const app = render(<App store={store} openEditor={openEditor} issueLine={issueLine} suspend={suspend} openUrl={openUrl} pointer={stdin} />, {
    exitOnCtrlC: true,
    patchConsole: true,
    incrementalRendering: true,
    maxFps: 60,
    ...(stdin ? { stdin: stdin as unknown as NodeJS.ReadStream } : {}),
  });
  try {
    await app.waitUntilExit();
  } finally {
    clearInterval(presenceTimer);
    unsub();
    await unfollow(followed);
    restore();
    process.off('SIGTERM', onSignal);
    process.off('SIGHUP', onSignal);
    process.off('SIGINT', onSignal);
    process.off('uncaughtException', onCrash);
    process.off('unhandledRejection', onCrash);
  }
  return 0;
}
