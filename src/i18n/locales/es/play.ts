/** `/play`, `/dom`, `/votes` and the vote panels. */
export const play = {};
