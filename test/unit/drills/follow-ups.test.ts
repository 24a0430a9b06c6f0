import { describe, expect, it } from 'vitest';
import { chooseFollowUps } from '@/lib/drills/follow-ups';
import { loadDrillBank } from '@/content/drills/bank';
import { fixtureQuestion } from './fixtures';

const question = fixtureQuestion();

describe('chooseFollowUps', () => {
  it('asks about the missed points, heaviest first', () => {
    expect(chooseFollowUps(question, []).map((followUp) => followUp.probes)).toEqual(['uniform', 'counts']);
    expect(chooseFollowUps(question, ['uniform']).map((followUp) => [followUp.probes, followUp.reason])).toEqual([
      ['counts', 'missed'],
      ['alternative', 'missed'],
    ]);
  });

  it('never asks about a point the answer covered while a missed one has a follow-up', () => {
    const chosen = chooseFollowUps(question, ['uniform', 'counts']);
    expect(chosen).toEqual([{ prompt: 'What would you use instead?', probes: 'alternative', reason: 'missed' }]);
  });

  it('digs deeper into the heaviest point when everything was covered', () => {
    expect(chooseFollowUps(question, ['uniform', 'counts', 'alternative'])).toEqual([{ prompt: 'What makes servers equivalent?', probes: 'uniform', reason: 'deeper' }]);
  });

  it('respects the maximum', () => {
    expect(chooseFollowUps(question, [], 1)).toHaveLength(1);
  });

  it('finds at least one follow-up for every question of the bank, whatever was missed', () => {
    for (const bankQuestion of loadDrillBank().questions) {
      expect(chooseFollowUps(bankQuestion, []).length, bankQuestion.id).toBeGreaterThan(0);
      expect(chooseFollowUps(bankQuestion, bankQuestion.rubric.map((point) => point.id)).length, bankQuestion.id).toBeGreaterThan(0);
    }
  });
});
