namespace GrokFlow.Dsl.Model;
