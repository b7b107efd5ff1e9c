/**
 * The e-book's rules for a band head (通栏标题, `::: band`), its own document before the stories
 * it heads, and for a photo above its article's headline (压题照片, `{place=above}`).
 */
export const BAND_CSS = `
/* A band head over the stories after it: centred, closed by a rule. */
article.band-head header {
  text-align: center;
  padding-bottom: 0.4em;
  border-bottom: 1px solid #333;
}

article.band-head .kicker,
article.band-head .subtitle {
  text-align: center;
}

/* A photo above the headline opens its article. */
figure.above {
  margin: 0 0 0.6em;
}
`;
