// Commands from the keymap → store actions and app effects. The only place a key's meaning lives
// besides the table itself.
import { useApp } from 'ink';
import { basename, dirname, join } from 'node:path';
import { useCallback } from 'react';
import type { StoreApi } from 'zustand/vanilla';
import type { Command } from '../keymap/bindings.js';
import { selectSchedule } from '../store/selectors.js';
import type { BoardState, PickerItem } from '../store/types.js';
import { EDITABLE_FIELDS, type EditableField } from '../core/ops/field-input.js';
import { helpLength } from './widgets/HelpOverlay.js';

const PAGE = 10;

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

const FIELD_LABEL: Record<EditableField, string> = {
  title: 'title',
  estimate: 'estimate (2h, 1.5d, 1w, 3-5d)',
  labels: 'labels, comma-separated',
  sprint: 'sprint',
  milestone: 'milestone',
  due: 'due date YYYY-MM-DD',
  priority: 'priority',
};

/** The field's current value as the prompt starts with it. */
function fieldText(s: BoardState, id: string, field: EditableField): string {
  const v = (s.data.issues ?? []).find((i) => String(i.id) === id)?.[field as keyof NonNullable<BoardState['data']['issues']>[number]];
  if (v === undefined || v === null) return '';
  return Array.isArray(v) ? v.join(', ') : String(v);
}

/** `2d ann todo`: each word an estimate, a lane or a status, in any order. */
function newIssueDetails(s: BoardState, text: string): { estimate?: string; lane?: string; status?: string } {
  const out: { estimate?: string; lane?: string; status?: string } = {};
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const w = word.replace(/^@/, '');
    if (s.model.lanes.some((l) => l.id === w)) out.lane = w;
    else if (s.model.statuses.includes(w)) out.status = w;
    else if (/^\d+(\.\d+)?(-\d+(\.\d+)?)?[hdw]?$/.test(w)) out.estimate = w;
    else throw new Error(`"${word}" is not an estimate, a lane (${s.model.lanes.map((l) => l.id).join(', ') || 'none'}) or a status (${s.model.statuses.join(', ')})`);
  }
  return out;
}

function dependencyPicker(s: BoardState, id: string): PickerItem[] {
  const issue = s.model.byId.get(id);
  const deps = new Set(issue?.deps.map((d) => d.id) ?? []);
  return s.model.issues
    .filter((i) => i.id !== id)
    .map((i) => ({ label: `${deps.has(i.id) ? '✓ waits for' : '  '} ${i.id} ${i.title}`, value: i.id }))
    .sort((a, b) => Number(b.label.startsWith('✓')) - Number(a.label.startsWith('✓')));
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
          return s.setOverlay({ kind: 'prompt', purpose: 'log-time', label: `log time on ${s.selectedId} (e.g. 1.5h note):`, value: '' });
        }
        case 'issue.new':
          return s.setOverlay({ kind: 'prompt', purpose: 'new-title', label: 'new issue title:', value: '' });
        case 'issue.rename':
          if (s.selectedId === null) return s.setMessage('nothing selected');
          return s.setOverlay({ kind: 'prompt', purpose: 'rename', label: `rename ${s.selectedId}:`, value: fieldText(s, s.selectedId, 'title') });
        case 'issue.editField': {
          if (s.selectedId === null) return s.setMessage('nothing selected');
          const items = EDITABLE_FIELDS.filter((f) => f !== 'title').map((f) => ({ label: `${f}: ${fieldText(s, s.selectedId!, f) || '(none)'}`, value: f }));
          return s.setOverlay({ kind: 'picker', purpose: 'field', title: `Set a field of ${s.selectedId}`, items, cursor: 0 });
        }
        case 'issue.dependency':
          if (s.selectedId === null) return s.setMessage('nothing selected');
          return s.setOverlay({ kind: 'picker', purpose: 'dependency', title: `${s.selectedId} waits for… (✓ = already; choose it to unlink)`, items: dependencyPicker(s, s.selectedId), cursor: 0 });
        case 'issue.moveUp':
        case 'issue.moveDown':
          return void s.reorderIssue(command === 'issue.moveUp' ? -1 : 1);
        case 'issue.delete':
          if (s.selectedId === null) return s.setMessage('nothing selected');
          return s.setOverlay({ kind: 'confirm', action: 'delete', id: s.selectedId });
        case 'confirm.yes':
          if (ov?.kind === 'confirm' && ov.id === s.selectedId) {
            s.setOverlay(null);
            return void s.removeIssue();
          }
          return s.setOverlay(null);
        case 'confirm.no':
          s.setOverlay(null);
          return s.setMessage('kept');
        case 'issue.openLink': {
          const issue = s.selectedId === null ? undefined : s.model.byId.get(s.selectedId);
          const link = issue?.data.link;
          if (!issue) return s.setMessage('nothing selected');
          if (!link) return s.setMessage(`${issue.id} has no link`);
          // Plan text is untrusted: only web links go to the browser, never a command or a file.
          if (!/^https?:\/\/[^\s]+$/i.test(link)) return s.setMessage(`not opened: only http(s) links open in the browser`);
          if (!effects.openUrl) return s.setMessage(`link: ${link}`);
          const why = effects.openUrl(link);
          return s.setMessage(why ? `not opened (${why}): ${link}` : `opened ${link}`);
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
          return s.toggleGroupBy();
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
          if (ov.purpose === 'new-title') {
            if (!ov.value.trim()) return s.setOverlay({ ...ov, error: 'a title cannot be empty' });
            return s.setOverlay({ kind: 'prompt', purpose: 'new-details', title: ov.value.trim(), label: 'estimate, lane, status (optional, e.g. 2d ann todo; Enter skips):', value: '' });
          }
          if (ov.purpose === 'new-details') {
            try {
              if (s.addIssue(ov.title ?? '', newIssueDetails(s, ov.value))) s.setOverlay(null);
              else s.setOverlay({ ...ov, error: store.getState().message ?? 'refused' });
            } catch (e) {
              s.setOverlay({ ...ov, error: e instanceof Error ? e.message : String(e) });
            }
            return;
          }
          if (ov.purpose === 'rename' || ov.purpose === 'field') {
            const ok = ov.purpose === 'rename' ? s.renameIssue(ov.value) : s.setIssueField(ov.field ?? 'estimate', ov.value);
            if (ok) s.setOverlay(null);
            else s.setOverlay({ ...ov, error: store.getState().message ?? 'refused' });
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
          if (ov.purpose === 'field') {
            const field = item.value as EditableField;
            return s.setOverlay({ kind: 'prompt', purpose: 'field', field, label: `${FIELD_LABEL[field]} for ${s.selectedId} (empty removes it):`, value: fieldText(s, s.selectedId ?? '', field) });
          }
          if (ov.purpose === 'dependency') {
            const linked = s.model.byId.get(s.selectedId ?? '')?.deps.some((d) => d.id === item.value);
            return void (linked ? s.removeDependency(item.value) : s.addDependency(item.value));
          }
          if (item.value === '') return s.setFilter({});
          const [key, ...rest] = item.value.split('=');
          return s.setFilter({ ...s.filter, [key]: rest.join('=') });
        }
        case 'quit.save':
          return void s.saveThenQuit();
        case 'quit.discard':
          return s.quitNow();
        case 'quit.cancel':
          return s.setOverlay(null);
        case 'conflict.mine':
          return void s.resolveConflicts('mine');
        case 'conflict.theirs':
          return void s.resolveConflicts('theirs');
        case 'conflict.cancel':
          return s.deferConflicts();
      }
    },
    [store, effects, exit],
  );
}
