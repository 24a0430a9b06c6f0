'use client';

import dynamic from 'next/dynamic';
import { useCallback, useRef, useState, type KeyboardEvent } from 'react';
import type { SubmissionView } from '@/lib/exercises/contract';
import type { SolutionAccess } from '@/lib/exercises/solution-access';
import { dim, formatConsole, formatRun, formatVerdict, plainText, printable, red, yellow } from '@/lib/exercises/run-report';
import type { RaceReport } from '@/lib/capstone/local-race';
import type { FromRunner } from '@/sandbox/runner-protocol';
import type { EditorHandle } from './code-editor';
import type { TerminalHandle } from './output-terminal';
import { raceSummary } from '@/lib/capstone/race-summary';
import { RaceResults } from './race-results';
import { SolutionPanel } from './solution-panel';
import { SubmissionHistory } from './submission-history';
import { restoreDraft, useDraftSaver } from './use-draft';
import { SANDBOX_PATIENCE_MS, useRunner } from './use-runner';
import { isModEnter, Shortcut } from '../shortcut';
import { useTabMode } from './use-tab-mode';
import { api } from '@/app/ui/api-client';

const CodeEditor = dynamic(() => import('./code-editor'), {
  ssr: false,
  loading: () => <div className="code-editor editor-loading" role="status">Loading the editor…</div>,
});
const OutputTerminal = dynamic(() => import('./output-terminal'), { ssr: false, loading: () => <div className="output-terminal" /> });

export interface WorkspaceExercise {
  id: string;
  title: string;
  starter: string;
  types: string;
  visibleTests: string;
  timeLimitMs: number;
  /** The capstone: its tests race the learner's balancer, and the page offers a Race table. */
  races: boolean;
}

interface Props {
  exercise: WorkspaceExercise;
  draft: { code: string; updatedAt: string } | null;
  history: SubmissionView[];
  solution: SolutionAccess;
}

const SANDBOX_LABELS = {
  starting: 'Starting the test sandbox…',
  ready: '',
  late: `The test sandbox did not start within ${SANDBOX_PATIENCE_MS / 1000} s (a slow connection or a busy CPU?). Run needs it; Submit works without it.`,
} as const;
const SAVE_LABELS = { idle: '', saving: 'Saving…', saved: 'Draft saved', 'local-only': 'Saved in this browser only' } as const;

/** Editor, Run, Submit, output pane, history and the earned solution for one exercise. */
export function ExerciseWorkspace({ exercise, draft, history: initialHistory, solution }: Props) {
  const editor = useRef<EditorHandle | null>(null);
  const terminal = useRef<TerminalHandle | null>(null);
  const buffered = useRef<string[]>([]);
  const activeRun = useRef<{ id: number; console: string[] } | null>(null);
  const frame = useRef<HTMLIFrameElement>(null);
  const [editorReady, setEditorReady] = useState(false);
  const [busy, setBusy] = useState<'run' | 'race' | 'submit' | null>(null);
  const [raceReport, setRaceReport] = useState<RaceReport | null>(null);
  const [status, setStatus] = useState('');
  const [transcript, setTranscript] = useState('');
  const [history, setHistory] = useState(initialHistory);
  const [access, setAccess] = useState(solution);
  const [compare, setCompare] = useState<string | null>(null);
  const [confirmReset, setConfirmReset] = useState(false);
  const [restoredFrom, setRestoredFrom] = useState<'starter' | 'server' | 'browser'>('starter');
  const saver = useDraftSaver(exercise.id);
  const tabMode = useTabMode();
  const submitButton = useRef<HTMLButtonElement>(null);
  const tabModeButton = useRef<HTMLButtonElement>(null);

  const print = useCallback((lines: readonly string[], clear = false) => {
    setTranscript((text) => (clear ? plainText(lines) : `${text}\n${plainText(lines)}`));
    if (!terminal.current) {
      buffered.current = clear ? [...lines] : [...buffered.current, ...lines];
      return;
    }
    if (clear) terminal.current.clear();
    terminal.current.writeLines(lines);
  }, []);

  const onRunnerMessage = useCallback(
    (message: FromRunner) => {
      const run = activeRun.current;
      if (message.type === 'ready' || !run || message.runId !== run.id) return;
      if (message.type === 'started') return;
      if (message.type === 'console') {
        run.console.push(...formatConsole(message.level, message.text));
        return;
      }
      activeRun.current = null;
      setBusy(null);
      if (message.type === 'done') {
        const report = formatRun(message.result, message.durationMs);
        print(report.lines, true);
        setStatus(printable(report.summary, 500));
      } else if (message.type === 'raced') {
        const summary = raceSummary(message.report);
        const text = printable(summary.text, 500);
        setRaceReport(message.report);
        print([summary.ok ? dim(`${text} (${Math.round(message.durationMs)} ms). The table below has every balancer's numbers.`) : red(`✗ ${text}`)], true);
        setStatus(text);
      } else {
        const why = message.type === 'timeout' ? `Stopped after ${message.limitMs} ms: an endless loop, or far too slow.` : `The test worker crashed: ${printable(message.message, 500)}`;
        print([...run.console, red(`✗ ${why}`), dim('The runner was restarted; your code is untouched.')], true);
        setStatus(message.type === 'timeout' ? `Timed out after ${message.limitMs} ms` : 'The test worker crashed');
      }
    },
    [print],
  );
  const runner = useRunner(frame, onRunnerMessage);

  const canRun = editorReady && runner.ready && busy === null;
  const canSubmit = editorReady && busy === null;

  const run = () => {
    if (!editor.current || !canRun) return;
    print([dim('Running the visible tests…')], true);
    setStatus('Running…');
    setBusy('run');
    const id = runner.start({ type: 'run', solution: editor.current.getValue(), visibleTests: exercise.visibleTests, timeLimitMs: exercise.timeLimitMs });
    activeRun.current = { id, console: [] };
  };

  const race = () => {
    if (!editor.current || !canRun) return;
    print([dim('Racing your balancer and five built-ins on three tracks…')], true);
    setStatus('Racing…');
    setBusy('race');
    const id = runner.start({ type: 'race', solution: editor.current.getValue(), timeLimitMs: exercise.timeLimitMs });
    activeRun.current = { id, console: [] };
  };

  const submit = async () => {
    if (!editor.current || !canSubmit) return;
    const code = editor.current.getValue();
    setBusy('submit');
    setStatus('Submitting…');
    print([dim('Submitting to the server judge…')], true);
    const result = await api.submit(exercise.id, code);
    setBusy(null);
    if (result.status === 0) {
      print([red('Could not reach the server; your code is still here. Try again.')], true);
      setStatus('Could not reach the server');
      return;
    }
    if (!result.ok) {
      const error = printable(result.error, 500);
      print([yellow(error)], true);
      setStatus(error);
      return;
    }
    const { verdict, submission, solution } = result.value;
    print(formatVerdict(verdict), true);
    setStatus(printable(verdict.summary, 500));
    if (submission) setHistory((rows) => [submission, ...rows]);
    if (solution) setAccess(solution);
    if (verdict.status === 'accepted') setCompare(code);
  };

  const onShortcut = (event: KeyboardEvent) => {
    // Inside Monaco its own commands handle these (and swallow the key); this covers the buttons and the output.
    if (event.defaultPrevented) return;
    if (isModEnter(event)) run();
    else if (isModEnter(event, true)) void submit();
    else return;
    event.preventDefault();
  };

  const reset = () => {
    editor.current?.replaceAll(exercise.starter);
    setConfirmReset(false);
    setCompare(null);
    editor.current?.focus();
  };

  const initialValue = useCallback(() => {
    const restored = restoreDraft(exercise.id, draft, exercise.starter);
    setRestoredFrom(restored.from);
    return restored.code;
  }, [exercise.id, exercise.starter, draft]);

  return (
    <section className="exercise-workspace" aria-label="Your solution" onKeyDown={onShortcut}>
      <div className="workspace-toolbar">
        <button type="button" className="button primary" onClick={run} disabled={!canRun} data-testid="run" aria-keyshortcuts="Control+Enter Meta+Enter">
          {busy === 'run' ? 'Running…' : 'Run'} <Shortcut keys={['Enter']} />
        </button>
        {exercise.races && (
          <button type="button" className="button" onClick={race} disabled={!canRun} data-testid="race">
            {busy === 'race' ? 'Racing…' : 'Race'}
          </button>
        )}
        <button type="button" ref={submitButton} className="button primary" onClick={() => void submit()} disabled={!canSubmit} data-testid="submit" aria-keyshortcuts="Control+Shift+Enter Meta+Shift+Enter">
          {busy === 'submit' ? 'Submitting…' : 'Submit'} <Shortcut keys={['Shift', 'Enter']} />
        </button>
        {confirmReset ? (
          <span className="reset-confirm" role="group" aria-label="Confirm reset">
            Replace your code with the starter?{' '}
            <button type="button" className="button danger" onClick={reset} data-testid="reset-confirm">
              Reset
            </button>{' '}
            <button type="button" className="button" onClick={() => setConfirmReset(false)}>
              Cancel
            </button>
          </span>
        ) : (
          <button type="button" className="button" onClick={() => setConfirmReset(true)} disabled={!editorReady} data-testid="reset">
            Reset to starter
          </button>
        )}
        <span className="sandbox-state muted" role="status" data-testid="sandbox-state">
          {SANDBOX_LABELS[runner.state]}
        </span>
        {runner.state === 'late' && (
          <button type="button" className="button" onClick={runner.restart}>
            Reload the sandbox
          </button>
        )}
        <span className="save-state muted" aria-live="polite" data-testid="save-state">
          {SAVE_LABELS[saver.state] || (restoredFrom !== 'starter' ? 'Your saved draft was restored (not run)' : '')}
        </span>
      </div>
      <CodeEditor
        types={exercise.types}
        label={`solution.ts for ${exercise.title}`}
        initialValue={initialValue}
        onReady={(handle) => {
          editor.current = handle;
          setEditorReady(true);
        }}
        onChange={saver.save}
        onRun={run}
        onSubmit={() => void submit()}
        tabMovesFocus={tabMode.movesFocus}
        onToggleTabMode={tabMode.toggle}
        onTabOut={(direction) => (direction === 'forward' ? tabModeButton.current : submitButton.current)?.focus()}
      />
      <p className="tab-mode muted">
        <button type="button" ref={tabModeButton} className="button small" aria-pressed={tabMode.movesFocus} onClick={tabMode.toggle} data-testid="tab-mode">
          Tab {tabMode.movesFocus ? 'moves focus' : 'indents'}
        </button>{' '}
        <Shortcut keys={['M']} /> {tabMode.movesFocus ? 'makes Tab indent code again.' : 'makes Tab leave the editor (remembered in this browser).'}
      </p>
      <p className="run-status" role="status" data-testid="run-summary">
        {status}
      </p>
      <OutputTerminal
        onReady={(handle) => {
          terminal.current = handle;
          handle.writeLines(buffered.current.length ? buffered.current : [dim('Run executes the visible tests here, in a sandbox in your browser. Submit asks the server.')]);
          buffered.current = [];
        }}
      />
      {/* The xterm pane is drawn for the eyes; this is the same output as text for screen readers. */}
      <pre className="visually-hidden" data-testid="output-text">
        {transcript}
      </pre>
      {exercise.races && <RaceResults report={raceReport} busy={busy === 'race'} />}
      <iframe ref={frame} src="/sandbox/runner" sandbox="allow-scripts" title="Test runner sandbox" className="runner-frame" tabIndex={-1} aria-hidden="true" />
      <SolutionPanel exerciseId={exercise.id} access={access} compare={compare} onOpen={() => setCompare(editor.current?.getValue() ?? '')} onClose={() => setCompare(null)} />
      <SubmissionHistory history={history} />
    </section>
  );
}
