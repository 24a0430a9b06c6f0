/** Why a shared link could not be opened, shown above a lab that fell back to its default. */
export function LinkProblems({ problems, fallback }: { problems: readonly string[]; fallback: string }) {
  if (problems.length === 0) return null;
  return (
    <div className="lab-errors" role="alert">
      <p>That link could not be opened, so the {fallback} starts from its default:</p>
      <ul>
        {problems.slice(0, 8).map((problem) => (
          <li key={problem}>{problem}</li>
        ))}
      </ul>
    </div>
  );
}
