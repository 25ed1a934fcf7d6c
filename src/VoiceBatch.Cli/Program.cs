// voicebatch — the VoiceBatch.Sdk command-line tool (dotnet tool install --global voicebatch). See README.md beside this file.
using VoiceBatch.Cli;
using VoiceBatch.Cli.Running;

return await VoiceBatchCommandLine.RunAsync(args, CliContext.ForProcess());
