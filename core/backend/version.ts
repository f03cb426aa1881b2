/** Shown in the UI and `foresight --version`; kept in step with package.json by a test. */
export const foresightVersion = '0.1.0';
