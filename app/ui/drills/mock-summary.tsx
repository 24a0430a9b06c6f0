import { MOCK_PHASES, formatClock } from '@/lib/drills/mock-phases';
import type { MockQuestionResult, TopicScore } from '@/lib/drills/view';
import { ScoreLine } from './attempt-feedback';
import { percent } from './format';
import { MisconceptionList } from './misconception-list';
import { PointList } from './point-list';
import { RichText } from './rich-text';
import { DataTable } from '../data-table';

const phaseTitle = (id: string) => MOCK_PHASES.find((phase) => phase.id === id)?.title ?? id;

/** Rubric weight per topic over the whole interview, weakest first. */
export function TopicScores({ topics }: { topics: TopicScore[] }) {
  const sorted = [...topics].sort((a, b) => a.earned / a.possible - b.earned / b.possible);
  return (
    <section aria-labelledby="topic-scores-heading">
      <h2 id="topic-scores-heading">By topic</h2>
      <DataTable label="Scores by topic" testId="topic-scores">
          <thead>
            <tr>
              <th scope="col">Topic</th>
              <th scope="col">Covered</th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((topic) => (
              <tr key={topic.topic.id}>
                <th scope="row">{topic.topic.title}</th>
                <td>
                  {percent(topic.earned / topic.possible)} <span className="muted">({topic.earned} of {topic.possible})</span>
                </td>
              </tr>
            ))}
          </tbody>
      </DataTable>
    </section>
  );
}

/** One question of the interview: its score, the time each phase took, the follow-ups, the points, the model answer. */
export function QuestionResult({ result }: { result: MockQuestionResult }) {
  return (
    <section className="question-result" aria-labelledby={`result-${result.position}`} data-testid="question-result">
      <h2 id={`result-${result.position}`}>
        <span className="muted">Question {result.position + 1}.</span> {result.prompt}
      </h2>
      <ScoreLine score={result} />
      <DataTable label={`Question ${result.position + 1}: time per phase`} className="phase-times">
          <caption className="visually-hidden">Time per phase</caption>
          <thead>
            <tr>
              <th scope="col">Phase</th>
              <th scope="col">Took</th>
              <th scope="col">Allowed</th>
            </tr>
          </thead>
          <tbody>
            {result.phases.map((phase) => (
              <tr key={phase.phase} data-overtime={phase.overtime}>
                <th scope="row">{phaseTitle(phase.phase)}</th>
                <td>
                  {formatClock(phase.seconds)}
                  {phase.overtime && <span className="tag warn">over time</span>}
                </td>
                <td>{formatClock(phase.limit)}</td>
              </tr>
            ))}
          </tbody>
      </DataTable>
      {result.followUps.length > 0 && (
        <>
          <h3>Follow-ups you were asked</h3>
          <ol>
            {result.followUps.map((prompt) => (
              <li key={prompt}>{prompt}</li>
            ))}
          </ol>
        </>
      )}
      <MisconceptionList misconceptions={result.misconceptions} />
      <PointList points={result.points} />
      <details className="model-answer">
        <summary>Model answer</summary>
        <RichText text={result.modelAnswer} />
      </details>
    </section>
  );
}
