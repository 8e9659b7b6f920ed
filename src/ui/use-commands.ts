// Commands from the keymap → store actions and app effects. One line per command: what a key
// means lives in the keymap table (src/keymap/) and what it does in the store's actions; the
// Record makes a command without an action a type error.
import { useApp } from 'ink';
import { useCallback } from 'react';
import type { StoreApi } from 'zustand/vanilla';
import type { Command } from '../keymap/bindings.js';
import type { BoardState } from '../store/types.js';
import { helpLength } from './widgets/HelpOverlay.js';

const PAGE = 10;
const HELP_STEP = 5;

export interface AppEffects {
  /** Open $EDITOR on the plan at a line; resolves after the editor exits (the app reloads). */
  openEditor?(file: string, line: number): Promise<void> | void;
  /** 1-based line of an issue in the current base text. */
  issueLine?(text: string, id: string): number;
  /** Ctrl-z: give the terminal back to the shell until `fg`. */
  suspend?(): void;
  /** Open a web link in the user's browser; resolves to why not, or null when started. */
  openUrl?(url: string): string | null;
}

interface Context {
  effects: AppEffects;
  exit(): void;
}

const ACTIONS: Record<Command, (s: BoardState, c: Context) => unknown> = {
  'pane.kanban': (s) => s.setPane('kanban'),
  'pane.timeline': (s) => s.setPane('timeline'),
  'pane.capacity': (s) => s.setPane('capacity'),
  'pane.standup': (s) => s.toggleStandup(),
  'pane.next': (s) => s.cyclePane(1),
  'pane.prev': (s) => s.cyclePane(-1),
  'standup.next': (s) => s.standupStep(1),
  'standup.prev': (s) => s.standupStep(-1),
  'view.hideDone': (s) => s.toggleHideDone(),
  'view.sort': (s) => s.cycleSort(),
  'view.search': (s) => s.askSearch(),
  'view.clear': (s) => s.clear(),
  'view.swimlanes': (s) => s.toggleSwimlanes(),
  'view.filter': (s) => s.pickFilter(),
  'view.help': (s) => s.showHelp(),
  'timeline.fold': (s) => s.toggleFold(),
  'timeline.zoomIn': (s) => s.zoomTimeline(1),
  'timeline.zoomOut': (s) => s.zoomTimeline(-1),
  'timeline.groupBy': (s) => s.toggleGroupBy(),
  'capacity.period': (s) => s.cycleCapacityPeriod(),
  'capacity.scenario': (s) => s.cycleScenario(),
  'app.suspend': (s, { effects }) => (effects.suspend ? effects.suspend() : s.setMessage('cannot suspend here')),
  'app.quit': (s) => s.requestQuit(),
  'app.interrupt': (_, { exit }) => exit(),
  'nav.down': (s) => s.moveRow(1),
  'nav.up': (s) => s.moveRow(-1),
  'nav.left': (s) => s.moveColumn(-1),
  'nav.right': (s) => s.moveColumn(1),
  'nav.first': (s) => s.moveToEdge('first'),
  'nav.last': (s) => s.moveToEdge('last'),
  'nav.pageDown': (s) => s.moveRow(PAGE),
  'nav.pageUp': (s) => s.moveRow(-PAGE),
  'issue.toggleDone': (s) => s.toggleDone(),
  'issue.statusNext': (s) => s.shiftStatus(1),
  'issue.statusPrev': (s) => s.shiftStatus(-1),
  'issue.lanePrev': (s) => s.shiftLane(-1),
  'issue.laneNext': (s) => s.shiftLane(1),
  'issue.pickLane': (s) => s.pickLane(),
  'issue.logTime': (s) => s.askLogTime(),
  'issue.new': (s) => s.askNewIssue(),
  'issue.rename': (s) => s.askRename(),
  'issue.editField': (s) => s.pickField(),
  'issue.dependency': (s) => s.pickDependency(),
  'issue.moveUp': (s) => s.reorderIssue(-1),
  'issue.moveDown': (s) => s.reorderIssue(1),
  'issue.delete': (s) => s.askDelete(),
  'issue.openLink': (s, { effects }) => s.openLink(effects.openUrl),
  'issue.detail': (s) => s.showDetail(),
  'issue.edit': (s, { effects }) => s.openInEditor(effects.openEditor, effects.issueLine),
  'confirm.yes': (s) => s.answerDelete(true),
  'confirm.no': (s) => s.answerDelete(false),
  'history.undo': (s) => s.undo(),
  'history.redo': (s) => s.redo(),
  'file.save': (s) => s.save(),
  'file.saveAs': (s) => s.askSaveAs(),
  'detail.down': (s) => s.moveDetail(1),
  'detail.up': (s) => s.moveDetail(-1),
  'detail.toggleSubtask': (s) => s.toggleDetailSubtask(),
  'detail.close': (s) => s.closeOverlay(),
  'help.close': (s) => s.closeOverlay(),
  'help.down': (s) => s.scrollHelp(HELP_STEP, helpLength(s.pane)),
  'help.up': (s) => s.scrollHelp(-HELP_STEP, helpLength(s.pane)),
  'prompt.submit': (s) => s.submitPrompt(),
  'prompt.cancel': (s) => s.cancelPrompt(),
  'picker.down': (s) => s.movePicker(1),
  'picker.up': (s) => s.movePicker(-1),
  'picker.choose': (s) => s.choosePicker(),
  'picker.cancel': (s) => s.closeOverlay(),
  'quit.save': (s) => s.saveThenQuit(),
  'quit.discard': (s) => s.quitNow(),
  'quit.cancel': (s) => s.closeOverlay(),
  'conflict.mine': (s) => s.resolveConflicts('mine'),
  'conflict.theirs': (s) => s.resolveConflicts('theirs'),
  'conflict.cancel': (s) => s.deferConflicts(),
};

export function useCommands(store: StoreApi<BoardState>, effects: AppEffects) {
  const { exit } = useApp();
  return useCallback(
    (command: Command) => {
      // Async actions (save, save as) report through the store, never as a rejection here.
      void ACTIONS[command](store.getState(), { effects, exit });
    },
    [store, effects, exit],
  );
}
