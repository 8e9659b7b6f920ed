// Child process: a board without a screen (the real store over the real file persistence), for
// tests that need boards in other processes or as other Unix users.
//   board PLAN TAG N   join presence, print "joined"; make N log edits (notes TAG-0…), saving each;
//                      print {"saved":[notes], "others":[users]}; stay until stdin closes.
import { readPlanFile, joinPresence } from '../../../src/core/persist/index.js';
import { createBoardStore } from '../../../src/store/index.js';

const [cmd, plan, tag, n] = process.argv.slice(2);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

if (cmd === 'board') {
  const r = await readPlanFile(plan);
  if (!r.ok) {
    process.stderr.write(JSON.stringify(r.problems));
    process.exit(1);
  }
  const store = createBoardStore({ file: plan, text: r.plan.text, data: r.plan.data, today: '2026-03-02' });
  const presence = await joinPresence(plan, { heartbeatMs: 200 });
  process.stdout.write('joined\n');
  const saved: string[] = [];
  const problems: string[] = [];
  const ids = store.getState().model.issues.map((i) => i.id);
  for (let i = 0; i < Number(n); i++) {
    await sleep(Math.random() * 20);
    // Pick up what others saved, as the watcher would.
    const disk = await readPlanFile(plan);
    if (disk.ok && disk.plan.text !== store.getState().baseText) store.getState().reload(disk.plan.text, 'from disk');
    store.getState().select(ids[i % ids.length]);
    const note = `${tag}-${i}`;
    store.getState().logTime(`1h ${note}`);
    await store.getState().save();
    const s = store.getState();
    if (s.fileState === 'saved') saved.push(note);
    else problems.push(`${note}: ${s.fileState} ${s.message ?? ''}`);
  }
  await sleep(300);
  const others = (await presence.others()).map((e) => e.user);
  process.stdout.write(JSON.stringify({ saved, others, problems }) + '\n');
  process.stdin.resume();
  process.stdin.on('end', () => void presence.leave().then(() => process.exit(0)));
}
