/** Paths of the indicator endpoints; browser-safe, so the dashboard imports them from here. */
export const FEEDBACK_PATH = '/api/feedback';
export const STATISTIEK_PATH = '/api/medewerkers/statistiek';
export const STATISTIEK_CSV_PATH = '/api/medewerkers/statistiek.csv';
