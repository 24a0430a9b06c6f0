/** The id `<Lab scenario="utilisation-sweep" />` uses. Its own module, so a lesson's islands can name it without bundling the simulator. */
export const SWEEP_EMBED_ID = 'utilisation-sweep';
