// Models, scopes, sizing reports and settings tables do not change once built, and several rules ask the same
// question of the same one: these wrappers answer it once per object and share the answer. Callers must not modify
// what they get.

/** `compute` run once per key object. */
export function oncePer<K extends object, T>(compute: (key: K) => T): (key: K) => T {
  const answers = new WeakMap<K, T>();
  return (key) => {
    if (answers.has(key)) return answers.get(key) as T;
    const answer = compute(key);
    answers.set(key, answer);
    return answer;
  };
}

/** `compute` run once per key object and second argument (a classification name, a release). */
export function oncePerPair<K extends object, A, T>(compute: (key: K, argument: A) => T): (key: K, argument: A) => T {
  const answers = new WeakMap<K, Map<A, T>>();
  return (key, argument) => {
    let byArgument = answers.get(key);
    if (!byArgument) answers.set(key, (byArgument = new Map()));
    if (byArgument.has(argument)) return byArgument.get(argument) as T;
    const answer = compute(key, argument);
    byArgument.set(argument, answer);
    return answer;
  };
}
