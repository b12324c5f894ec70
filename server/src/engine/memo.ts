import type { ConfigModel } from './model';

/**
 * `compute` run once per model and its answer shared by every later caller: a model does not change after parsing,
 * and several rules ask the same question of it. Callers must not modify what they get.
 */
export function oncePerModel<T>(compute: (model: ConfigModel) => T): (model: ConfigModel) => T {
  const answers = new WeakMap<ConfigModel, T>();
  return (model) => {
    if (answers.has(model)) return answers.get(model) as T;
    const answer = compute(model);
    answers.set(model, answer);
    return answer;
  };
}
