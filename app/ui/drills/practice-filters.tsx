import type { PracticeFilter } from '@/lib/drills/pick-question';
import { DIFFICULTY_LABELS } from './format';

export interface TopicOption {
  moduleTitle: string;
  topics: { id: string; title: string }[];
}

/** A plain GET form: works without JavaScript, and every filter is a shareable link. */
export function PracticeFilters({ modules, filter }: { modules: TopicOption[]; filter: PracticeFilter }) {
  return (
    <form className="practice-filters" method="get" action="/drills/practice" aria-label="Choose questions">
      <label>
        Topic
        <select name="topic" defaultValue={filter.topic ?? ''}>
          <option value="">All topics</option>
          {modules.map((courseModule) => (
            <optgroup key={courseModule.moduleTitle} label={courseModule.moduleTitle}>
              {courseModule.topics.map((topic) => (
                <option key={topic.id} value={topic.id}>
                  {topic.title}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </label>
      <label>
        Difficulty
        <select name="difficulty" defaultValue={filter.difficulty ? String(filter.difficulty) : ''}>
          <option value="">Any</option>
          {[1, 2, 3].map((level) => (
            <option key={level} value={level}>
              {level}: {DIFFICULTY_LABELS[level]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Order
        <select name="order" defaultValue={filter.weakest ? 'weakest' : 'course'}>
          <option value="course">Course order</option>
          <option value="weakest">Where I am weakest</option>
        </select>
      </label>
      <button type="submit" className="button">
        Show questions
      </button>
    </form>
  );
}
