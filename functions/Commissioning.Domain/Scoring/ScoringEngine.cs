using Commissioning.Domain.Councils;
using Commissioning.Domain.Plans;
using Commissioning.Domain.Rubrics;

namespace Commissioning.Domain.Scoring;

/// <summary>Turns a plan into an explainable scorecard. Pure: no clock, no I/O. (Implementation: scoring work item.)</summary>
public static class ScoringEngine
{
    public static Scorecard Score(Plan plan, Rubric rubric, Council? council, DateOnly today) => throw new NotImplementedException();
}
