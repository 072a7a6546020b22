// Task-queue names shared by the worker (which polls them) and the API/scripts (which start work).

export const DEFAULT_TASK_QUEUE = 'renkei';
