Console.WriteLine($"grokflow: {GrokFlow.Rules.RulesCatalog.FileCount} rules file(s) compiled in");
