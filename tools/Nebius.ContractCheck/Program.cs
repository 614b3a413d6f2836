using Nebius.ContractCheck;

return await ContractCheckApp.RunAsync(args, Console.Out, Console.Error).ConfigureAwait(false);
