/** One row of the disputed-points report: a rubric point learners say the scorer missed. */
export interface DisputedPoint {
  questionId: string;
  pointId: string;
  disputes: number;
  confirmed: number;
  /** Rubric versions the disputed attempts were scored against, newest rubric first when known. */
  rubricVersions: string[];
}

/**
 * Ranks rubric points by how often learners disputed them (confirmed disputes first among ties):
 * the likeliest gaps in a rubric, found from real answers.
 */
export function rankDisputedPoints(disputes: readonly { questionId: string; pointId: string; confirmed: boolean; rubricVersion: string | null }[]): DisputedPoint[] {
  const byPoint = new Map<string, DisputedPoint>();
  for (const dispute of disputes) {
    const key = `${dispute.questionId}\u0000${dispute.pointId}`;
    const row = byPoint.get(key) ?? { questionId: dispute.questionId, pointId: dispute.pointId, disputes: 0, confirmed: 0, rubricVersions: [] };
    row.disputes += 1;
    if (dispute.confirmed) row.confirmed += 1;
    if (dispute.rubricVersion && !row.rubricVersions.includes(dispute.rubricVersion)) row.rubricVersions.push(dispute.rubricVersion);
    byPoint.set(key, row);
  }
  return [...byPoint.values()].sort((a, b) => b.disputes - a.disputes || b.confirmed - a.confirmed || a.questionId.localeCompare(b.questionId) || a.pointId.localeCompare(b.pointId));
}
