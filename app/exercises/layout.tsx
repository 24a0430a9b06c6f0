import type { ReactNode } from 'react';
import '@/app/ui/exercises/exercises.css';

/** Exercise pages render their own <main>; this layout only brings their styles, which no other page needs. */
export default function ExercisesLayout({ children }: { children: ReactNode }) {
  return children;
}
