import matter from "gray-matter";

// gray-matter evaluates a "---js" (or "---javascript") block with eval: in MDX that trainers write
// in the app that would run their code on the server. Only YAML frontmatter is accepted. Passing
// options also keeps gray-matter from caching every source it ever parsed.
const refuse = () => {
  throw new Error("chỉ chấp nhận frontmatter YAML");
};
const engines = { js: refuse, javascript: refuse, json: refuse };

export function safeMatterOptions<O extends object>(options: O) {
  return { ...options, engines, language: "yaml" };
}

export function parseFrontmatter(source: string) {
  return matter(source, safeMatterOptions({}));
}
