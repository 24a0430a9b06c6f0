import type { ComponentProps, ComponentType } from 'react';
import type { LessonComponentName } from '@/lib/content/lesson-components';
import { Callout } from './callout';
import { Diagram } from './diagram';
import { InterviewAngle } from './interview-angle';

function Table(props: ComponentProps<'table'>) {
  return (
    <div className="table-scroll" tabIndex={0} role="group" aria-label="Table (scrolls sideways on small screens)">
      <table {...props} />
    </div>
  );
}

// Typed against the shared list, so the registry and the content checks cannot drift apart.
// MDX throws on any capitalised tag missing here, which fails the build.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each component has its own props
const lessonComponents: Record<LessonComponentName, ComponentType<any>> = { Diagram, Callout, InterviewAngle };

export const mdxComponents = { ...lessonComponents, table: Table };
