using ZjSim.Model;
using ZjSim.Model.Agents;
using ZjSim.Model.Goals;
using ZjSim.Model.Rules;

namespace ZjSim.GrainInterfaces.Surrogates;

// The model library has no Orleans in it, so its types cross silos through surrogates.

[GenerateSerializer, Immutable, Alias("ZjSim.IndicatorTable")]
public readonly record struct IndicatorTableSurrogate([property: Id(0)] int FirstYear, [property: Id(1)] double[] Values);

[RegisterConverter]
public sealed class IndicatorTableConverter : IConverter<IndicatorTable, IndicatorTableSurrogate>
{
    public IndicatorTable ConvertFromSurrogate(in IndicatorTableSurrogate s) => new(s.FirstYear, s.Values);
    public IndicatorTableSurrogate ConvertToSurrogate(in IndicatorTable v) => new(v.FirstYear, v.Values);
}

[GenerateSerializer, Immutable, Alias("ZjSim.ClusterYears")]
public readonly record struct ClusterYearsSurrogate([property: Id(0)] int FirstYear, [property: Id(1)] int Clusters, [property: Id(2)] int[] Counts,
    [property: Id(3)] double[] Output, [property: Id(4)] bool[] HasPlatform);

[RegisterConverter]
public sealed class ClusterYearsConverter : IConverter<ClusterYears, ClusterYearsSurrogate>
{
    public ClusterYears ConvertFromSurrogate(in ClusterYearsSurrogate s) => new(s.FirstYear, s.Clusters, s.Counts, s.Output, s.HasPlatform);
    public ClusterYearsSurrogate ConvertToSurrogate(in ClusterYears v) => new(v.FirstYear, v.Clusters, v.Counts, v.Output, v.HasPlatform);
}

[GenerateSerializer, Immutable, Alias("ZjSim.GoalResult")]
public readonly record struct GoalResultSurrogate([property: Id(0)] string Goal, [property: Id(1)] double Target, [property: Id(2)] double Value, [property: Id(3)] bool Met);

[RegisterConverter]
public sealed class GoalResultConverter : IConverter<GoalResult, GoalResultSurrogate>
{
    public GoalResult ConvertFromSurrogate(in GoalResultSurrogate s) => new(s.Goal, s.Target, s.Value, s.Met);
    public GoalResultSurrogate ConvertToSurrogate(in GoalResult v) => new(v.Goal, v.Target, v.Value, v.Met);
}

[GenerateSerializer, Immutable, Alias("ZjSim.ClusterReport")]
public readonly record struct ClusterReportSurrogate(
    [property: Id(0)] int ClusterIndex, [property: Id(1)] int Year, [property: Id(2)] int[] Counts,
    [property: Id(3)] int SmartFactories, [property: Id(4)] int FutureFactories, [property: Id(5)] double Output,
    [property: Id(6)] bool HasPlatform, [property: Id(7)] long EnterpriseYears, [property: Id(8)] int[] BandLevel,
    [property: Id(9)] int Onboarded, [property: Id(10)] int SmartCandidates, [property: Id(11)] int FutureCandidates);

[RegisterConverter]
public sealed class ClusterReportConverter : IConverter<ClusterReport, ClusterReportSurrogate>
{
    public ClusterReport ConvertFromSurrogate(in ClusterReportSurrogate s) =>
        new(s.ClusterIndex, s.Year, new ClusterTally(s.Counts, s.BandLevel, s.Onboarded, s.SmartFactories, s.FutureFactories, s.SmartCandidates, s.FutureCandidates),
            s.Output, s.HasPlatform, s.EnterpriseYears);
    public ClusterReportSurrogate ConvertToSurrogate(in ClusterReport v) =>
        new(v.ClusterIndex, v.Year, v.Tally.Counts, v.Tally.SmartFactories, v.Tally.FutureFactories, v.Output, v.HasPlatform, v.EnterpriseYears,
            v.Tally.BandLevel, v.Tally.Onboarded, v.Tally.SmartCandidates, v.Tally.FutureCandidates);
}

[GenerateSerializer, Immutable, Alias("ZjSim.StepContext")]
public readonly record struct StepContextSurrogate([property: Id(0)] int Year, [property: Id(1)] double[] Hazards,
    [property: Id(2)] double SmartGrant, [property: Id(3)] double FutureGrant, [property: Id(4)] double Onboard);

[RegisterConverter]
public sealed class StepContextConverter : IConverter<StepContext, StepContextSurrogate>
{
    public StepContext ConvertFromSurrogate(in StepContextSurrogate s) => new(s.Year, s.Hazards, s.SmartGrant, s.FutureGrant, s.Onboard);
    public StepContextSurrogate ConvertToSurrogate(in StepContext v) => new(v.Year, v.Hazards, v.SmartGrant, v.FutureGrant, v.Onboard);
}

[GenerateSerializer, Immutable, Alias("ZjSim.ClusterDirective")]
public readonly record struct ClusterDirectiveSurrogate([property: Id(0)] double[] SectorShares, [property: Id(1)] double BrainEffect,
    [property: Id(2)] double Onboard, [property: Id(3)] double[] Campaign, [property: Id(4)] double SmartGrant, [property: Id(5)] double FutureGrant);

[RegisterConverter]
public sealed class ClusterDirectiveConverter : IConverter<ClusterDirective, ClusterDirectiveSurrogate>
{
    public ClusterDirective ConvertFromSurrogate(in ClusterDirectiveSurrogate s) => new(s.SectorShares, s.BrainEffect, s.Onboard, s.Campaign, s.SmartGrant, s.FutureGrant);
    public ClusterDirectiveSurrogate ConvertToSurrogate(in ClusterDirective v) => new(v.SectorShares, v.BrainEffect, v.Onboard, v.Campaign, v.SmartGrant, v.FutureGrant);
}

[GenerateSerializer, Immutable, Alias("ZjSim.EnterpriseState")]
public readonly record struct EnterpriseStateSurrogate([property: Id(0)] byte Size, [property: Id(1)] byte Level, [property: Id(2)] byte Titles, [property: Id(3)] float Revenue,
    [property: Id(4)] byte Band, [property: Id(5)] byte City, [property: Id(6)] byte CityTier, [property: Id(7)] bool Onboarded,
    [property: Id(8)] bool ReachesSmart, [property: Id(9)] bool ReachesFuture);

[RegisterConverter]
public sealed class EnterpriseStateConverter : IConverter<EnterpriseState, EnterpriseStateSurrogate>
{
    public EnterpriseState ConvertFromSurrogate(in EnterpriseStateSurrogate s) =>
        new() { Size = (SizeClass)s.Size, Level = s.Level, Titles = (Titles)s.Titles, Revenue = s.Revenue, Band = s.Band, City = s.City,
            CityTier = s.CityTier, Onboarded = s.Onboarded, ReachesSmart = s.ReachesSmart, ReachesFuture = s.ReachesFuture };
    public EnterpriseStateSurrogate ConvertToSurrogate(in EnterpriseState v) =>
        new((byte)v.Size, v.Level, (byte)v.Titles, v.Revenue, v.Band, v.City, v.CityTier, v.Onboarded, v.ReachesSmart, v.ReachesFuture);
}

[GenerateSerializer, Immutable, Alias("ZjSim.BrainRecord")]
public readonly record struct BrainRecordSurrogate([property: Id(0)] int Sector, [property: Id(1)] int LaunchYear, [property: Id(2)] long Connected);

[RegisterConverter]
public sealed class BrainRecordConverter : IConverter<BrainRecord, BrainRecordSurrogate>
{
    public BrainRecord ConvertFromSurrogate(in BrainRecordSurrogate s) => new(s.Sector, s.LaunchYear, s.Connected);
    public BrainRecordSurrogate ConvertToSurrogate(in BrainRecord v) => new(v.Sector, v.LaunchYear, v.Connected);
}
