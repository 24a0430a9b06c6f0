/**
 * Words that mean the same thing in an answer about load balancing, each group read as its first
 * word (lib/drills/language.ts folds them, after lemmatising each word the way it reads answers).
 * The groups are deliberately narrow (a learner's "backend" is the rubric's "server"; "fewest" is
 * "least"); anything subtler belongs in a rubric point's own alternatives, where it is visible.
 * No word with a second common sense: "host" (the Host header), "target" (target group),
 * "direct" (direct messages), "close" (closest), "light" (Little's law), "min" (10 min),
 * "few" (a few hundred), "less" (costs less), "finish" (let requests finish), "replica".
 */
export const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  ['server', 'backend', 'upstream', 'instance', 'machine', 'node', 'box', 'pod'],
  ['client', 'user', 'caller', 'browser', 'visitor', 'customer'],
  ['least', 'fewest', 'lowest', 'smallest', 'minimum', 'fewer'],
  ['most', 'greatest', 'highest', 'largest', 'maximum'],
  ['choose', 'pick', 'select', 'decide'],
  ['send', 'forward', 'dispatch', 'hand', 'deal', 'relay', 'pass'],
  ['request', 'call'],
  ['connection', 'socket'],
  ['busy', 'overloaded', 'saturated'],
  ['crash', 'die', 'fail', 'failure', 'dead'],
  ['identical', 'same', 'equal', 'equivalent', 'uniform', 'similar'],
  ['evenly', 'equally', 'fairly'],
  ['ignore', 'disregard', 'overlook'],
  ['slow', 'sluggish'],
  ['fast', 'quick', 'rapid'],
  ['big', 'large', 'huge', 'heavy'],
  ['small', 'little', 'tiny'],
  ['remove', 'drop', 'eject', 'evict'],
  ['add', 'join', 'insert'],
  ['move', 'remap', 'reassign', 'reshuffle', 'shift', 'migrate', 'relocate'],
  ['keep', 'retain', 'preserve', 'hold'],
  ['lose', 'lost', 'wipe', 'discard'],
  ['start', 'begin', 'open', 'establish'],
  ['end', 'terminate'],
  ['check', 'probe', 'test', 'inspect', 'examine', 'look'],
  ['many', 'lot', 'lots', 'numerous'],
  ['cost', 'expense', 'price'],
  ['state', 'data'],
  ['rotate', 'cycle', 'rotation'],
  ['order', 'sequence'],
  ['turn', 'round'],
];
