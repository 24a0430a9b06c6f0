import type { ComponentProps } from 'react';
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

/** The closed set of components a lesson may use. MDX throws on any other capitalised tag. */
export const lessonComponents = { Diagram, Callout, InterviewAngle };

export const LESSON_COMPONENT_NAMES = Object.keys(lessonComponents);

export const mdxComponents = { ...lessonComponents, table: Table };
