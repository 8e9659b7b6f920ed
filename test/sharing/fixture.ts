// A small plan with comments, lanes and the default statuses, shared by the sharing tests.
export const PLAN = `# Team plan — comments and layout must survive every save.
planboard: 1
title: Shared plan
lanes:
  - id: ana   # Ana, mornings
    capacity: 20h/w
  - id: bo
  - id: cy

issues:
  - id: S-1
    title: First
    status: todo
    lane: ana
  - id: S-2
    title: Second   # keep me
    status: todo
    lane: bo
  - id: S-3
    title: Third
    status: in-progress
    lane: cy
  - id: S-4
    title: Fourth
    status: todo
  - id: S-5
    title: Fifth
    status: review
    lane: ana
`;
