const write = (level, fields, message) => console.log(JSON.stringify({ level, message, ...fields }));

export const logger = {
  info: (fields, message) => write('info', fields, message),
  error: (fields, message) => write('error', fields, message),
};
