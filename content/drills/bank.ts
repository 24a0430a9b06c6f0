import { parseDrillBank, type DrillBank } from '../../lib/drills/load-bank';
import { outline } from '../outline';
import { drillQuestionFiles } from './questions';
import drillTemplates from './templates.json';

let bank: DrillBank | undefined;

/** The drill bank from content/drills, validated once per process. Throws DrillContentError if it is invalid. */
export function loadDrillBank(): DrillBank {
  bank ??= parseDrillBank(drillQuestionFiles, drillTemplates, outline);
  return bank;
}
