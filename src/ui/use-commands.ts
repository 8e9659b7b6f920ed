// Commands from the keymap → store actions and app effects. The only place a key's meaning lives
// besides the table itself.
import { useApp } from 'ink';
import { basename, dirname, join } from 'node:path';
import { useCallback } from 'react';
import type { StoreApi } from 'zustand/vanilla';
import type { Command } from '../keymap/bindings.js';
import { selectSchedule } from '../store/selectors.js';
import type { BoardState, PickerItem } from '../store/types.js';
import { helpLength } from './widgets/HelpOverlay.js';
import { LOG_HINT } from '../core/text/duration.js';

const PAGE = 10;

export interface AppEffects {
  /** Open $EDITOR on the plan at a line; resolves after the editor exits (the app reloads). */
  openEditor?(file: string, line: number): Promise<void> | void;
  /** 1-based line of an issue in the current base text. */
  issueLine?(text: string, id: string): number;
  /** Ctrl-z: give the terminal back to the shell until `fg`. */
  suspend?(): void;
}

function lanePicker(s: BoardState): PickerItem[] {
  return [...s.model.lanes.map((l) => ({ label: l.name === l.id ? l.id : `${l.name} (${l.id})`, value: l.id })), { label: '(no lane)', value: '' }];
}

function filterPicker(s: BoardState): PickerItem[] {
  const items: PickerItem[] = [{ label: 'clear all filters', value: '' }];
  for (const st of s.model.statuses) items.push({ label: `status: ${st}`, value: `status=${st}` });
  for (const g of s.model.groups) items.push({ label: `group: ${g.id}${g.title ? ` — ${g.title}` : ''}`, value: `group=${g.id}` });
  for (const m of s.model.milestones) items.push({ label: `milestone: ${m.id}${m.title ? ` — ${m.title}` : ''}`, value: `milestone=${m.id}` });
  const sprints = new Set<string>((s.data.calendar?.sprints?.list ?? []).map((x) => x.name));
  for (const i of s.model.issues) if (i.sprint) sprints.add(i.sprint);
  for (const sp of sprints) items.push({ label: `sprint: ${sp}`, value: `sprint=${sp}` });
  for (const l of s.model.lanes) items.push({ label: `lane: ${l.id}`, value: `lane=${l.id}` });
  items.push({ label: 'lane: (none)', value: 'lane=-' });
  return items;
}

/**
 * A starting point the user edits (Ctrl-u clears it): the plan's name with `.mine` before the
 * extension, beside the plan, or in the home folder when the plan's folder is not writable.
 */
export function suggestSaveAs(file: string, writeBlocked: string | null): string {
  const m = /^(.*?)(\.ya?ml)?$/i.exec(basename(file))!;
  const name = `${m[1]}.mine${m[2] ?? '.yaml'}`;
  return writeBlocked?.includes('directory') ? `~/${name}` : join(dirname(file), name);
}

export function useCommands(store: StoreApi<BoardState>, effects: AppEffects) {
  const { exit } = useApp();
  return useCallback(
    (command: Command) => {
      const s = store.getState();
      const ov = s.overlay;
      switch (command) {
        case 'pane.kanban':
          return s.setPane('kanban');
        case 'pane.timeline':
          return s.setPane('timeline');
        case 'pane.capacity':
          return s.setPane('capacity');
        case 'pane.standup':
          if (s.pane !== 'standup') s.standupStep(-s.standup.index, selectSchedule(s)?.lanes.length ?? 0); // from the first person, timer at 0:00
          return s.setPane(s.pane === 'standup' ? 'kanban' : 'standup');
        case 'standup.next':
        case 'standup.prev':
          return s.standupStep(command === 'standup.next' ? 1 : -1, selectSchedule(s)?.lanes.length ?? 0);
        case 'view.hideDone':
          return s.toggleHideDone();
        case 'view.sort':
          return s.cycleSort();
        case 'timeline.fold':
          return s.toggleFold();
        case 'app.suspend':
          if (!effects.suspend) return s.setMessage('cannot suspend here');
          return effects.suspend();
        case 'pane.next':
          return s.cyclePane(1);
        case 'pane.prev':
          return s.cyclePane(-1);
        case 'nav.down':
          return s.moveRow(1);
        case 'nav.up':
          return s.moveRow(-1);
        case 'nav.left':
          return s.moveColumn(-1);
        case 'nav.right':
          return s.moveColumn(1);
        case 'nav.first':
          return s.moveToEdge('first');
        case 'nav.last':
          return s.moveToEdge('last');
        case 'nav.pageDown':
          return s.moveRow(PAGE);
        case 'nav.pageUp':
          return s.moveRow(-PAGE);
        case 'issue.toggleDone':
          return s.toggleDone();
        case 'issue.statusNext':
          return s.shiftStatus(1);
        case 'issue.statusPrev':
          return s.shiftStatus(-1);
        case 'issue.lanePrev':
          return s.shiftLane(-1);
        case 'issue.laneNext':
          return s.shiftLane(1);
        case 'issue.pickLane': {
          const issue = s.selectedId === null ? undefined : s.model.byId.get(s.selectedId);
          if (!issue) return s.setMessage('nothing selected');
          const items = lanePicker(s);
          const cursor = Math.max(0, items.findIndex((it) => it.value === (issue.lane ?? '')));
          return s.setOverlay({ kind: 'picker', purpose: 'lane', title: `Lane for ${issue.id}`, items, cursor });
        }
        case 'issue.logTime': {
          if (s.selectedId === null) return s.setMessage('nothing selected');
          return s.setOverlay({ kind: 'prompt', purpose: 'log-time', label: `log time on ${s.selectedId} (${LOG_HINT}) [note]:`, value: '' });
        }
        case 'issue.detail':
          if (s.selectedId === null) return s.setMessage('nothing selected');
          return s.setOverlay({ kind: 'detail', cursor: 0 });
        case 'issue.edit': {
          if (!effects.openEditor) return s.setMessage('no editor available here');
          const line = s.selectedId !== null && effects.issueLine ? effects.issueLine(s.baseText, s.selectedId) : 1;
          if (s.pending.length) return s.setMessage('save (s) or undo your edits before opening the editor');
          void Promise.resolve(effects.openEditor(s.file, line)).catch((e) => s.setMessage(`editor: ${e instanceof Error ? e.message : String(e)}`));
          return;
        }
        case 'history.undo':
          return s.undo();
        case 'history.redo':
          return s.redo();
        case 'view.search':
          return s.setOverlay({ kind: 'prompt', purpose: 'search', label: 'search:', value: s.search });
        case 'view.clear':
          return s.clear();
        case 'view.swimlanes':
          return s.toggleSwimlanes();
        case 'view.filter':
          return s.setOverlay({ kind: 'picker', purpose: 'filter', title: 'Filter by', items: filterPicker(s), cursor: 0 });
        case 'view.help':
          return s.setOverlay({ kind: 'help', scroll: 0 });
        case 'timeline.zoomIn':
          return s.zoomTimeline(1);
        case 'timeline.zoomOut':
          return s.zoomTimeline(-1);
        case 'timeline.groupBy':
          return store.setState({ timeline: { ...s.timeline, groupBy: s.timeline.groupBy === 'group' ? 'lane' : 'group' } });
        case 'capacity.period':
          return s.cycleCapacityPeriod();
        case 'capacity.scenario':
          return s.cycleScenario();
        case 'file.save':
          return void s.save();
        case 'file.saveAs':
          return s.setOverlay({ kind: 'prompt', purpose: 'save-as', label: 'save as (path):', value: suggestSaveAs(s.file, s.writeBlocked) });
        case 'app.quit':
          return s.requestQuit();
        case 'app.interrupt':
          return exit();
        case 'detail.down':
        case 'detail.up': {
          if (ov?.kind !== 'detail') return;
          const issue = s.selectedId === null ? undefined : s.model.byId.get(s.selectedId);
          const max = Math.max(0, (issue?.subtasks.length ?? 0) - 1);
          const cursor = Math.max(0, Math.min(max, ov.cursor + (command === 'detail.down' ? 1 : -1)));
          return s.setOverlay({ kind: 'detail', cursor });
        }
        case 'detail.toggleSubtask':
          if (ov?.kind === 'detail') s.toggleSubtask(ov.cursor);
          return;
        case 'detail.close':
        case 'help.close':
        case 'picker.cancel':
          return s.setOverlay(null);
        case 'help.down':
        case 'help.up': {
          if (ov?.kind !== 'help') return;
          const max = Math.max(0, helpLength(s.pane) - 5);
          return s.setOverlay({ kind: 'help', scroll: Math.max(0, Math.min(max, ov.scroll + (command === 'help.down' ? 5 : -5))) });
        }
        case 'prompt.submit': {
          if (ov?.kind !== 'prompt') return;
          if (ov.purpose === 'search') {
            s.setOverlay(null);
            return s.setMessage(s.search ? `search: ${s.search}` : null);
          }
          if (ov.purpose === 'save-as') {
            const overwrite = ov.confirm !== undefined && ov.confirm === ov.value;
            void s.saveAs(ov.value, overwrite).then((r) => {
              const now = store.getState().overlay;
              if (now?.kind !== 'prompt' || now.purpose !== 'save-as') return;
              if (r === 'saved') return store.getState().setOverlay(null);
              if (r === 'exists')
                return store.getState().setOverlay({ ...now, confirm: now.value, error: 'a different file is there: Enter again overwrites it' });
              store.getState().setOverlay({ ...now, error: store.getState().message ?? 'not saved' });
            });
            return;
          }
          if (ov.purpose === 'log-time') {
            try {
              if (s.logTime(ov.value)) s.setOverlay(null);
            } catch (e) {
              s.setOverlay({ ...ov, error: e instanceof Error ? e.message : String(e) });
            }
          }
          return;
        }
        case 'prompt.cancel':
          if (ov?.kind === 'prompt' && ov.purpose === 'search') s.setSearch('');
          return s.setOverlay(null);
        case 'picker.down':
        case 'picker.up': {
          if (ov?.kind !== 'picker') return;
          const cursor = Math.max(0, Math.min(ov.items.length - 1, ov.cursor + (command === 'picker.down' ? 1 : -1)));
          return s.setOverlay({ ...ov, cursor });
        }
        case 'picker.choose': {
          if (ov?.kind !== 'picker') return;
          const item = ov.items[ov.cursor];
          s.setOverlay(null);
          if (!item) return;
          if (ov.purpose === 'lane') return s.assignLane(item.value === '' ? null : item.value);
          if (item.value === '') return s.setFilter({});
          const [key, ...rest] = item.value.split('=');
          return s.setFilter({ ...s.filter, [key]: rest.join('=') });
        }
        case 'quit.save':
          return void s.save().then(() => {
            if (store.getState().pending.length === 0) store.setState({ quit: true });
            else store.getState().setOverlay(null);
          });
        case 'quit.discard':
          return store.setState({ quit: true });
        case 'quit.cancel':
          return s.setOverlay(null);
        case 'conflict.mine':
          return void s.resolveConflicts('mine');
        case 'conflict.theirs':
          return void s.resolveConflicts('theirs');
        case 'conflict.cancel':
          return store.setState({ overlay: null, fileState: 'unsaved', message: 'conflicts not resolved: your edits are unsaved' });
      }
    },
    [store, effects, exit],
  );
}
