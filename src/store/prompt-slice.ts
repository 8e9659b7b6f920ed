// Prompts, pickers and questions as store actions: each key of a flow is one small step from the
// overlay in the state to the next overlay (or an edit), so a flow is testable without React.
import type { StoreApi } from 'zustand/vanilla';
import { EDITABLE_FIELDS, type EditableField } from '../core/ops/field-input.js';
import { LOG_HINT } from '../core/text/duration.js';
import { dependencyItems, editLine, FIELD_LABEL, fieldText, filterFrom, filterItems, laneItems, newIssueDetails, suggestSaveAs } from './prompt-items.js';
import type { BoardState, Overlay } from './types.js';

type Set = StoreApi<BoardState>['setState'];
type Get = StoreApi<BoardState>['getState'];
type Prompt = Extract<Overlay, { kind: 'prompt' }>;
type Picker = Extract<Overlay, { kind: 'picker' }>;

export type PromptActions = Pick<
  BoardState,
  | 'closeOverlay'
  | 'showHelp'
  | 'scrollHelp'
  | 'showDetail'
  | 'moveDetail'
  | 'toggleDetailSubtask'
  | 'askSearch'
  | 'askNewIssue'
  | 'askRename'
  | 'askLogTime'
  | 'askSaveAs'
  | 'pickLane'
  | 'pickField'
  | 'pickDependency'
  | 'pickFilter'
  | 'askDelete'
  | 'answerDelete'
  | 'typeInPrompt'
  | 'submitPrompt'
  | 'cancelPrompt'
  | 'movePicker'
  | 'choosePicker'
  | 'openLink'
  | 'openInEditor'
>;

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));
const clamp = (n: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, n));

export function createPromptSlice(set: Set, get: Get): PromptActions {
  /** The open prompt of this purpose, or undefined. */
  const prompt = (): Prompt | undefined => {
    const ov = get().overlay;
    return ov?.kind === 'prompt' ? ov : undefined;
  };
  /** Runs f with the selected id, or says there is none. */
  const onSelected = (f: (id: string) => void) => {
    const id = get().selectedId;
    if (id === null) return void set({ message: 'nothing selected' });
    f(id);
  };
  /** The prompt stays open with the reason the step was refused. */
  const refuse = (ov: Prompt, error: string) => set({ overlay: { ...ov, error } });
  /** An edit from the prompt: it closes on success, else shows the store's reason. */
  const closeIf = (ov: Prompt, ok: boolean) => (ok ? set({ overlay: null }) : refuse(ov, get().message ?? 'refused'));

  /** Enter in each kind of prompt. */
  const submit: Record<Prompt['purpose'], (ov: Prompt) => void | Promise<void>> = {
    search: () => set({ overlay: null, message: get().search ? `search: ${get().search}` : null }),
    'save-as': async (ov) => {
      const overwrite = ov.confirm !== undefined && ov.confirm === ov.value;
      const r = await get().saveAs(ov.value, overwrite);
      // The prompt may have been closed or changed while the file was written.
      const now = prompt();
      if (now?.purpose !== 'save-as') return;
      if (r === 'saved') return set({ overlay: null });
      if (r === 'exists') return refuse({ ...now, confirm: now.value }, 'a different file is there: Enter again overwrites it');
      refuse(now, get().message ?? 'not saved');
    },
    'new-title': (ov) => {
      if (!ov.value.trim()) return refuse(ov, 'a title cannot be empty');
      set({ overlay: { kind: 'prompt', purpose: 'new-details', title: ov.value.trim(), label: 'estimate, lane, status (optional, e.g. 2d ann todo; Enter skips):', value: '' } });
    },
    'new-details': (ov) => {
      try {
        closeIf(ov, get().addIssue(ov.title ?? '', newIssueDetails(get(), ov.value)));
      } catch (e) {
        refuse(ov, errorText(e));
      }
    },
    rename: (ov) => closeIf(ov, get().renameIssue(ov.value)),
    field: (ov) => closeIf(ov, get().setIssueField(ov.field ?? 'estimate', ov.value)),
    'log-time': (ov) => {
      try {
        if (get().logTime(ov.value)) set({ overlay: null });
      } catch (e) {
        refuse(ov, errorText(e));
      }
    },
  };

  /** Enter on a picker item. */
  const choose: Record<Picker['purpose'], (value: string) => void> = {
    lane: (value) => get().assignLane(value === '' ? null : value),
    field: (value) => {
      const s = get();
      const field = value as EditableField;
      set({ overlay: { kind: 'prompt', purpose: 'field', field, label: `${FIELD_LABEL[field]} for ${s.selectedId} (empty removes it):`, value: fieldText(s, s.selectedId ?? '', field) } });
    },
    dependency: (value) => {
      const s = get();
      const linked = s.model.byId.get(s.selectedId ?? '')?.deps.some((d) => d.id === value);
      if (linked) s.removeDependency(value);
      else s.addDependency(value);
    },
    filter: (value) => get().setFilter(filterFrom(get().filter, value)),
  };

  return {
    closeOverlay: () => set({ overlay: null }),
    showHelp: () => set({ overlay: { kind: 'help', scroll: 0 } }),
    scrollHelp: (delta, lines) => {
      const ov = get().overlay;
      if (ov?.kind !== 'help') return;
      set({ overlay: { kind: 'help', scroll: clamp(ov.scroll + delta, 0, Math.max(0, lines - 5)) } });
    },
    showDetail: () => onSelected(() => set({ overlay: { kind: 'detail', cursor: 0 } })),
    moveDetail: (delta) => {
      const s = get();
      const ov = s.overlay;
      if (ov?.kind !== 'detail') return;
      const issue = s.selectedId === null ? undefined : s.model.byId.get(s.selectedId);
      set({ overlay: { kind: 'detail', cursor: clamp(ov.cursor + delta, 0, Math.max(0, (issue?.subtasks.length ?? 0) - 1)) } });
    },
    toggleDetailSubtask: () => {
      const ov = get().overlay;
      if (ov?.kind === 'detail') get().toggleSubtask(ov.cursor);
    },
    askSearch: () => set({ overlay: { kind: 'prompt', purpose: 'search', label: 'search:', value: get().search } }),
    askNewIssue: () => set({ overlay: { kind: 'prompt', purpose: 'new-title', label: 'new issue title:', value: '' } }),
    askRename: () => onSelected((id) => set({ overlay: { kind: 'prompt', purpose: 'rename', label: `rename ${id}:`, value: fieldText(get(), id, 'title') } })),
    askLogTime: () => onSelected((id) => set({ overlay: { kind: 'prompt', purpose: 'log-time', label: `log time on ${id} (${LOG_HINT}) [note]:`, value: '' } })),
    askSaveAs: () => set({ overlay: { kind: 'prompt', purpose: 'save-as', label: 'save as (path):', value: suggestSaveAs(get().file, get().writeBlocked) } }),
    pickLane: () => {
      const s = get();
      const issue = s.selectedId === null ? undefined : s.model.byId.get(s.selectedId);
      if (!issue) return void set({ message: 'nothing selected' });
      const items = laneItems(s);
      const cursor = Math.max(0, items.findIndex((it) => it.value === (issue.lane ?? '')));
      set({ overlay: { kind: 'picker', purpose: 'lane', title: `Lane for ${issue.id}`, items, cursor } });
    },
    pickField: () =>
      onSelected((id) => {
        const items = EDITABLE_FIELDS.filter((f) => f !== 'title').map((f) => ({ label: `${f}: ${fieldText(get(), id, f) || '(none)'}`, value: f }));
        set({ overlay: { kind: 'picker', purpose: 'field', title: `Set a field of ${id}`, items, cursor: 0 } });
      }),
    pickDependency: () =>
      onSelected((id) => set({ overlay: { kind: 'picker', purpose: 'dependency', title: `${id} waits for… (✓ = already; choose it to unlink)`, items: dependencyItems(get(), id), cursor: 0 } })),
    pickFilter: () => set({ overlay: { kind: 'picker', purpose: 'filter', title: 'Filter by', items: filterItems(get()), cursor: 0 } }),
    askDelete: () => onSelected((id) => set({ overlay: { kind: 'confirm', action: 'delete', id } })),
    answerDelete: (yes) => {
      const s = get();
      const ov = s.overlay;
      set({ overlay: null });
      // Only the issue the question named: the selection may have moved since (a reload).
      if (yes && ov?.kind === 'confirm' && ov.id === s.selectedId) s.removeIssue();
      else if (!yes) set({ message: 'kept' });
    },
    typeInPrompt: (input, key) => {
      const ov = prompt();
      if (!ov) return;
      const value = editLine(ov.value, input, key);
      if (value === null) return;
      set({ overlay: { ...ov, value, error: undefined } });
      // The search applies as it is typed.
      if (ov.purpose === 'search') get().setSearch(value);
    },
    submitPrompt: async () => {
      const ov = prompt();
      if (ov) await submit[ov.purpose](ov);
    },
    cancelPrompt: () => {
      if (prompt()?.purpose === 'search') get().setSearch('');
      set({ overlay: null });
    },
    movePicker: (delta) => {
      const ov = get().overlay;
      if (ov?.kind !== 'picker') return;
      set({ overlay: { ...ov, cursor: clamp(ov.cursor + delta, 0, ov.items.length - 1) } });
    },
    choosePicker: () => {
      const ov = get().overlay;
      if (ov?.kind !== 'picker') return;
      const item = ov.items[ov.cursor];
      set({ overlay: null });
      if (item) choose[ov.purpose](item.value);
    },
    openLink: (openUrl) => {
      const s = get();
      const issue = s.selectedId === null ? undefined : s.model.byId.get(s.selectedId);
      const link = issue?.data.link;
      if (!issue) return set({ message: 'nothing selected' });
      if (!link) return set({ message: `${issue.id} has no link` });
      // Plan text is untrusted: only web links go to the browser, never a command or a file.
      if (!/^https?:\/\/[^\s]+$/i.test(link)) return set({ message: `not opened: only http(s) links open in the browser` });
      if (!openUrl) return set({ message: `link: ${link}` });
      const why = openUrl(link);
      set({ message: why ? `not opened (${why}): ${link}` : `opened ${link}` });
    },
    openInEditor: (openEditor, issueLine) => {
      const s = get();
      if (!openEditor) return set({ message: 'no editor available here' });
      const line = s.selectedId !== null && issueLine ? issueLine(s.baseText, s.selectedId) : 1;
      if (s.pending.length) return set({ message: 'save (s) or undo your edits before opening the editor' });
      void Promise.resolve(openEditor(s.file, line)).catch((e) => set({ message: `editor: ${errorText(e)}` }));
    },
  };
}
