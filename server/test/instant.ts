/**
 * The instant every suite starts at, the HTTP suites' and the browser journeys' alike: DANDELION_TEST_NOW when
 * set (the times script sets it), else a Wednesday morning at the station (10:30, 18 November 2026), mid-month
 * and mid-week.
 */
export const TEST_NOW = process.env.DANDELION_TEST_NOW ?? "2026-11-18T02:30:00.000Z";
