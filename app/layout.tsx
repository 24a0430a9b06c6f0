import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { Providers } from './ui/providers';
import { SiteHeader } from './ui/site-header';
// Styles every page can show (a lesson embeds quizzes and diagrams). Drills and exercises bring their own
// from their layouts, and the lab's come with its code (the lab page, or a lesson's embed when it nears the
// viewport): Next carries a page's stylesheets three times (the inline <style> plus two copies in the RSC
// payload), so a stylesheet in the root layout weighs on every page.
import './globals.css';
import './ui/layout.css';
import './ui/course/course.css';
import './ui/lesson/lesson.css';
import './ui/lesson/diagram.css';
import './ui/quiz/quiz.css';
import './ui/search/search.css';

export const metadata: Metadata = {
  title: { default: 'Traffic Cop: learn load balancing by running it', template: '%s · Traffic Cop' },
  description:
    'Lessons, live diagrams and interview practice on load balancing for system-design interviews: algorithms, sessions, Layer 4 vs 7, health checks and high availability.',
};

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#ffffff' },
    { media: '(prefers-color-scheme: dark)', color: '#0f1115' },
  ],
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en" suppressHydrationWarning>
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <Providers>
          <SiteHeader />
          {children}
          <footer className="site-footer">Traffic Cop · open source · lessons written for this project</footer>
        </Providers>
      </body>
    </html>
  );
}
