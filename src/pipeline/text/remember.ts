/**
 * A function of a string that remembers its answers, at most `limit` of them (all are forgotten
 * when the limit is reached, so memory stays bounded over any run). Only for functions whose answer
 * depends on the string alone; callers must not change what it returns.
 */
export function remembering<T>(limit: number, compute: (text: string) => T): (text: string) => T {
  const answers = new Map<string, T>();
  return (text) => {
    let answer = answers.get(text);
    if (answer === undefined) {
      if (answers.size >= limit) answers.clear();
      answer = compute(text);
      answers.set(text, answer);
    }
    return answer;
  };
}
